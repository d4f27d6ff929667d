import type { Db } from './openDatabase.js';

/** A temporary content: an uploaded or exported file kept for its time-to-live. */
export interface TempContentRow {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly creatorId: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

interface RawTempContent {
  id: string;
  name: string;
  size: number;
  creator_id: string;
  created_at: string;
  expires_at: string;
}

/** The temp_contents table. */
export class TempContentsTable {
  constructor(private readonly db: Db) {}

  /** The temp content with this id. */
  get(id: string): TempContentRow | undefined {
    const raw = this.db
      .prepare<[string], RawTempContent>('SELECT * FROM temp_contents WHERE id = ?')
      .get(id);
    return raw && toRow(raw);
  }

  /** Stores a temp content's record. */
  create(row: TempContentRow): void {
    this.db
      .prepare(
        `INSERT INTO temp_contents (id, name, size, creator_id, created_at, expires_at)
         VALUES (@id, @name, @size, @creatorId, @createdAt, @expiresAt)`,
      )
      .run(row);
  }

  /** Every record (for reconciling with the disk). */
  all(): TempContentRow[] {
    return this.db.prepare<[], RawTempContent>('SELECT * FROM temp_contents').all().map(toRow);
  }

  /** Records whose time-to-live has passed. */
  expired(at: string): TempContentRow[] {
    return this.db
      .prepare<[string], RawTempContent>('SELECT * FROM temp_contents WHERE expires_at <= ?')
      .all(at)
      .map(toRow);
  }

  /** Deletes a record. */
  delete(id: string): void {
    this.db.prepare('DELETE FROM temp_contents WHERE id = ?').run(id);
  }
}

function toRow(raw: RawTempContent): TempContentRow {
  return {
    id: raw.id,
    name: raw.name,
    size: raw.size,
    creatorId: raw.creator_id,
    createdAt: raw.created_at,
    expiresAt: raw.expires_at,
  };
}
