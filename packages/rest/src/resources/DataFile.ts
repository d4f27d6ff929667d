import type { CallOptions, RestTransport } from '../core/Operation.js';
import type { FileInput, NamedFile } from '../files/FileInput.js';
import {
  deleteDataFileById,
  getDataFile,
  updateDataFile,
  type DataFileUploadResponse,
} from '../generated/services/data-files.js';

/** One data file (what load scripts read as `lib://DataFiles/<name>`). */
export class DataFile {
  readonly id: string;
  /** The file's metadata as last read from the tenant. */
  details: DataFileUploadResponse;
  readonly #client: RestTransport;

  constructor(client: RestTransport, details: DataFileUploadResponse) {
    this.#client = client;
    this.id = details.id;
    this.details = details;
  }

  /** The file's name, with its folder path. */
  get name(): string {
    return this.details.name;
  }

  /** Size in bytes. */
  get size(): number {
    return this.details.size;
  }

  /** Reads the metadata again from the tenant. */
  async refresh(options?: CallOptions): Promise<this> {
    this.details = await getDataFile(this.#client, { id: this.id }, options);
    return this;
  }

  /** Replaces the file's content (streamed, never read whole) and/or renames it. */
  async update(
    args: { readonly file?: FileInput | NamedFile; readonly name?: string },
    options?: CallOptions,
  ): Promise<this> {
    const body = {
      ...(args.file === undefined ? {} : { File: args.file }),
      ...(args.name === undefined ? {} : { Json: { name: args.name } }),
    };
    this.details = await updateDataFile(this.#client, { id: this.id, body }, options);
    return this;
  }

  /** Deletes the file. */
  async delete(options?: CallOptions): Promise<void> {
    await deleteDataFileById(this.#client, { id: this.id }, options);
  }
}
