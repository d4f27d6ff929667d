import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TempContentRow, TempContentsTable } from '../storage/TempContentsTable.js';
import type { SpooledFile } from './UploadSpool.js';

/** One hour, Qlik's default time-to-live of a temporary content. */
export const DEFAULT_TTL_SECONDS = 3600;

/**
 * Temporary contents on disk (`temp/<id>`) and their records: uploads to
 * `POST /temp-contents` and app exports. A file is renamed into place before
 * its record commits; `reconcile` removes files without records and records
 * without files, and `sweep` what has expired.
 */
export class TempContentStore {
  constructor(
    private readonly table: TempContentsTable,
    readonly dir: string,
  ) {}

  /** Creates the directory and makes disk and records agree. */
  async reconcile(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const rows = new Set(this.table.all().map((row) => row.id));
    const files = new Set(await readdir(this.dir));
    for (const file of files) if (!rows.has(file)) await rm(join(this.dir, file), { force: true });
    for (const id of rows) if (!files.has(id)) this.table.delete(id);
    await this.sweep();
  }

  /** Keeps a spooled file as a new temp content. */
  async put(
    file: SpooledFile,
    name: string,
    creatorId: string,
    ttlSeconds = DEFAULT_TTL_SECONDS,
  ): Promise<TempContentRow> {
    const id = randomBytes(12).toString('hex');
    await rename(file.path, this.pathOf(id));
    const created = new Date();
    const row: TempContentRow = {
      id,
      name,
      size: file.size,
      creatorId,
      createdAt: created.toISOString(),
      expiresAt: new Date(created.getTime() + ttlSeconds * 1000).toISOString(),
    };
    this.table.create(row);
    return row;
  }

  /** The record of a temp content, expired or not. */
  get(id: string): TempContentRow | undefined {
    return this.table.get(id);
  }

  /** Where a temp content's bytes are. */
  pathOf(id: string): string {
    if (!/^[0-9a-f]{24}$/.test(id)) throw new Error(`Not a temp content id: ${id}`);
    return join(this.dir, id);
  }

  /** Deletes temp contents whose time-to-live has passed. */
  async sweep(now = new Date().toISOString()): Promise<void> {
    for (const row of this.table.expired(now)) {
      this.table.delete(row.id);
      await rm(this.pathOf(row.id), { force: true });
    }
  }
}
