import type { Db } from './openDatabase.js';
import { now } from './newId.js';

/** A data file's record; its content is the file `files/<folder>/<name>`. */
export interface DataFileRow {
  readonly id: string;
  /** `space/<spaceId>` or `personal/<userId>`: the directory under `files/` that holds it. */
  readonly folder: string;
  /** The file's name, `/` separating logical folders. */
  readonly name: string;
  readonly spaceId: string | null;
  /** Who last uploaded its content. */
  readonly ownerId: string;
  readonly size: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly contentUpdatedAt: string;
}

interface RawDataFile {
  id: string;
  folder: string;
  name: string;
  space_id: string | null;
  owner_id: string;
  size: number;
  created_at: string;
  updated_at: string;
  content_updated_at: string;
}

/** The data_files table. */
export class DataFilesTable {
  constructor(private readonly db: Db) {}

  /** The file with this id. */
  get(id: string): DataFileRow | undefined {
    const raw = this.db
      .prepare<[string], RawDataFile>('SELECT * FROM data_files WHERE id = ?')
      .get(id);
    return raw && toRow(raw);
  }

  /** The file of this name in a folder. */
  find(folder: string, name: string): DataFileRow | undefined {
    const raw = this.db
      .prepare<[string, string], RawDataFile>(
        'SELECT * FROM data_files WHERE folder = ? AND name = ?',
      )
      .get(folder, name);
    return raw && toRow(raw);
  }

  /** The files of some folders, by name. */
  inFolders(folders: readonly string[]): DataFileRow[] {
    return this.db
      .prepare<[string], RawDataFile>(
        'SELECT * FROM data_files WHERE folder IN (SELECT value FROM json_each(?)) ORDER BY name, id',
      )
      .all(JSON.stringify(folders))
      .map(toRow);
  }

  /** Every file (for reconciling with the disk). */
  all(): DataFileRow[] {
    return this.db.prepare<[], RawDataFile>('SELECT * FROM data_files').all().map(toRow);
  }

  /** The total size of the files a user owns. */
  sizeOwnedBy(userId: string): number {
    return (
      this.db
        .prepare<[string], { n: number | null }>(
          'SELECT sum(size) AS n FROM data_files WHERE owner_id = ?',
        )
        .get(userId)!.n ?? 0
    );
  }

  /** Stores a new file's record. */
  create(row: Omit<DataFileRow, 'createdAt' | 'updatedAt' | 'contentUpdatedAt'>): DataFileRow {
    const time = now();
    const full: DataFileRow = { ...row, createdAt: time, updatedAt: time, contentUpdatedAt: time };
    this.db
      .prepare(
        `INSERT INTO data_files (id, folder, name, space_id, owner_id, size, created_at, updated_at, content_updated_at)
         VALUES (@id, @folder, @name, @spaceId, @ownerId, @size, @createdAt, @updatedAt, @contentUpdatedAt)`,
      )
      .run(full);
    return full;
  }

  /** Changes a file's record; `contentChanged` stamps a content update. */
  update(
    id: string,
    changes: Partial<Pick<DataFileRow, 'folder' | 'name' | 'spaceId' | 'ownerId' | 'size'>>,
    contentChanged: boolean,
  ): DataFileRow | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    const time = now();
    const next: DataFileRow = {
      ...current,
      ...changes,
      updatedAt: time,
      contentUpdatedAt: contentChanged ? time : current.contentUpdatedAt,
    };
    this.db
      .prepare(
        `UPDATE data_files SET folder = @folder, name = @name, space_id = @spaceId, owner_id = @ownerId, size = @size,
         updated_at = @updatedAt, content_updated_at = @contentUpdatedAt WHERE id = @id`,
      )
      .run(next);
    return next;
  }

  /** Deletes a file's record. */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM data_files WHERE id = ?').run(id).changes > 0;
  }
}

function toRow(raw: RawDataFile): DataFileRow {
  return {
    id: raw.id,
    folder: raw.folder,
    name: raw.name,
    spaceId: raw.space_id,
    ownerId: raw.owner_id,
    size: raw.size,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
    contentUpdatedAt: raw.content_updated_at,
  };
}
