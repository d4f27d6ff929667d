import type { CallOptions, RestTransport } from '../core/Operation.js';
import type { FileInput, NamedFile } from '../files/FileInput.js';
import {
  createDataFile,
  getDataFile,
  listDataFiles,
  type ListDataFilesArgs,
} from '../generated/services/data-files.js';
import { DataFile } from './DataFile.js';

/** What `upload` takes: the name the file gets, its content, and where it goes. */
export interface DataFileUpload {
  /** Name, with '/' separating folders, e.g. 'sales/2024.csv'. */
  readonly name: string;
  /** The content, streamed from a path, stream, blob or bytes; never read whole. */
  readonly file: FileInput | NamedFile;
  /** The DataFiles connection of the target space; the personal space when absent. */
  readonly connectionId?: string;
  /** Scopes the file to one app. */
  readonly appId?: string;
}

/** Uploads, finds and lists data files, handing back `DataFile` objects. */
export class DataFileCollection {
  readonly #client: RestTransport;

  constructor(client: RestTransport) {
    this.#client = client;
  }

  /** Uploads a file as a multipart request, streaming its content. */
  async upload(args: DataFileUpload, options?: CallOptions): Promise<DataFile> {
    const Json = {
      name: args.name,
      ...(args.connectionId === undefined ? {} : { connectionId: args.connectionId }),
      ...(args.appId === undefined ? {} : { appId: args.appId }),
    };
    return new DataFile(
      this.#client,
      await createDataFile(this.#client, { body: { File: args.file, Json } }, options),
    );
  }

  /** Reads one data file's metadata by id. */
  async get(args: { readonly id: string }, options?: CallOptions): Promise<DataFile> {
    return new DataFile(this.#client, await getDataFile(this.#client, { id: args.id }, options));
  }

  /** Every data file matching the filter, page after page. */
  async *list(args: ListDataFilesArgs = {}, options?: CallOptions): AsyncGenerator<DataFile> {
    for await (const details of listDataFiles(this.#client, args, options))
      yield new DataFile(this.#client, details);
  }
}

/** The data files of a tenant, as objects: `await dataFiles(client).upload({ name, file: { path } })`. */
export function dataFiles(client: RestTransport): DataFileCollection {
  return new DataFileCollection(client);
}
