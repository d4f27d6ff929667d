import type { CallOptions, Paged, RestTransport } from '../core/Operation.js';
import {
  createDataFile,
  getDataFile,
  listDataFiles,
  type CreateDataFileArgs,
  type DataFileUploadResponse,
  type GetDataFileArgs,
  type ListDataFilesArgs,
  type ListDataFilesResult,
} from '../generated/services/data-files.js';
import { mapPaged } from '../paging/mapPaged.js';
import { DataFile } from './DataFile.js';

/** The `dataFiles` service with `DataFile` objects for answers: same method names, same arguments. */
export class DataFileCollection {
  readonly #client: RestTransport;

  constructor(client: RestTransport) {
    this.#client = client;
  }

  /** Uploads a file as a multipart request, its content (`body.File`) streamed (`createDataFile`). */
  async create(args: CreateDataFileArgs, options?: CallOptions): Promise<DataFile> {
    return this.#wrap(await createDataFile(this.#client, args, options));
  }

  /** Reads one data file's metadata (`getDataFile`). */
  async get(args: GetDataFileArgs, options?: CallOptions): Promise<DataFile> {
    return this.#wrap(await getDataFile(this.#client, args, options));
  }

  /** The data files matching the filter (`listDataFiles`). */
  list(args: ListDataFilesArgs = {}, options?: CallOptions): Paged<ListDataFilesResult, DataFile> {
    return mapPaged(listDataFiles(this.#client, args, options), (details) => this.#wrap(details));
  }

  #wrap(details: DataFileUploadResponse): DataFile {
    return new DataFile(this.#client, details.id, details);
  }
}

/** The data files of a tenant as objects: `await dataFiles(client).create({ body: { Json: { name }, File: { path } } })`. */
export function dataFiles(client: RestTransport): DataFileCollection {
  return new DataFileCollection(client);
}
