import type { Db } from './openDatabase.js';
import { now } from './newId.js';
import { Where } from './Where.js';

/** An API key's record (the key itself is a JWT whose `jti` is this id; it is never stored). */
export interface ApiKeyRow {
  readonly id: string;
  readonly userId: string;
  readonly createdBy: string;
  readonly description: string;
  readonly status: 'active' | 'revoked';
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly expiresAt: string | null;
}

interface RawKey {
  id: string;
  user_id: string;
  created_by: string;
  description: string;
  status: ApiKeyRow['status'];
  created_at: string;
  updated_at: string;
  expires_at: string | null;
}

/** The api_keys table. */
export class ApiKeysTable {
  private readonly byId;

  constructor(private readonly db: Db) {
    this.byId = db.prepare<[string], RawKey>('SELECT * FROM api_keys WHERE id = ?');
  }

  /** The key with this id, or undefined. */
  get(id: string): ApiKeyRow | undefined {
    const raw = this.byId.get(id);
    return raw && toKey(raw);
  }

  /** Stores a new key record. */
  create(
    key: Pick<ApiKeyRow, 'id' | 'userId' | 'createdBy' | 'description' | 'expiresAt'>,
  ): ApiKeyRow {
    const time = now();
    const row: ApiKeyRow = { ...key, status: 'active', createdAt: time, updatedAt: time };
    this.db
      .prepare(
        `INSERT INTO api_keys (id, user_id, created_by, description, status, created_at, updated_at, expires_at)
         VALUES (@id, @userId, @createdBy, @description, @status, @createdAt, @updatedAt, @expiresAt)`,
      )
      .run(row);
    return row;
  }

  /** Keys, optionally of one subject, creator and status (a user has a handful: the caller sorts and pages them). */
  list(filter: {
    readonly userId?: string;
    readonly createdBy?: string;
    readonly status?: string;
  }): ApiKeyRow[] {
    const where = new Where()
      .when('userId', filter.userId, 'user_id = @userId')
      .when('createdBy', filter.createdBy, 'created_by = @createdBy')
      .when('status', filter.status, 'status = @status');
    return this.db
      .prepare<Record<string, unknown>, RawKey>(`SELECT * FROM api_keys ${where} ORDER BY id`)
      .all(where.params)
      .map(toKey);
  }

  /** Deletes a key record: every token of it stops working at once. */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM api_keys WHERE id = ?').run(id).changes > 0;
  }

  /** Changes a key's description. */
  describe(id: string, description: string): void {
    this.db
      .prepare('UPDATE api_keys SET description = ?, updated_at = ? WHERE id = ?')
      .run(description, now(), id);
  }

  /** Revokes a key: it stops working at once. */
  revoke(id: string): boolean {
    return (
      this.db
        .prepare(
          "UPDATE api_keys SET status = 'revoked', updated_at = ? WHERE id = ? AND status = 'active'",
        )
        .run(now(), id).changes > 0
    );
  }
}

function toKey(raw: RawKey): ApiKeyRow {
  return {
    id: raw.id,
    userId: raw.user_id,
    createdBy: raw.created_by,
    description: raw.description,
    status: raw.status,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
    expiresAt: raw.expires_at,
  };
}
