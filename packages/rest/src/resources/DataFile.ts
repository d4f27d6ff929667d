import type { CallOptions } from '../core/Operation.js';
import {
  deleteDataFileById,
  getDataFile,
  updateDataFile,
  type DataFileUploadResponse,
  type UpdateDataFileArgs,
} from '../generated/services/data-files.js';
import { Resource } from './Resource.js';

/**
 * One data file (what load scripts read as `lib://DataFiles/<name>`). Its methods
 * are the `dataFiles` service's operations on this file, with arguments without `id`.
 */
export class DataFile extends Resource<DataFileUploadResponse> {
  /** The file's name, with its folder path. */
  get name(): string {
    return this.details.name;
  }

  /** Size in bytes. */
  get size(): number {
    return this.details.size;
  }

  /** Reads the metadata again (`getDataFile`). */
  async refresh(options?: CallOptions): Promise<this> {
    this.details = await getDataFile(this.client, { id: this.id }, options);
    return this;
  }

  /** Replaces the content (`body.File`, streamed, never read whole) and/or renames it (`body.Json`) (`updateDataFile`). */
  async update(args: Omit<UpdateDataFileArgs, 'id'>, options?: CallOptions): Promise<this> {
    this.details = await updateDataFile(this.client, { ...args, id: this.id }, options);
    return this;
  }

  /** Deletes the file (`deleteDataFileById`). */
  async delete(options?: CallOptions): Promise<void> {
    await deleteDataFileById(this.client, { id: this.id }, options);
  }
}
