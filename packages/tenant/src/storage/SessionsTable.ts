import type { Db } from './openDatabase.js';

/** A browser session: the cookie's id, its user and the CSRF token it must show. */
export interface SessionRow {
  readonly id: string;
  readonly userId: string;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

interface RawSession {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

/** The sessions table. */
export class SessionsTable {
  private readonly byId;

  constructor(private readonly db: Db) {
    this.byId = db.prepare<[string], RawSession>('SELECT * FROM sessions WHERE id = ?');
  }

  /** The session with this id when it has not expired. */
  get(id: string): SessionRow | undefined {
    const raw = this.byId.get(id);
    if (!raw || raw.expires_at <= new Date().toISOString()) return undefined;
    return {
      id: raw.id,
      userId: raw.user_id,
      csrfToken: raw.csrf_token,
      createdAt: raw.created_at,
      expiresAt: raw.expires_at,
    };
  }

  /** Stores a new session. */
  create(row: SessionRow): void {
    this.db
      .prepare(
        `INSERT INTO sessions (id, user_id, csrf_token, created_at, expires_at)
         VALUES (@id, @userId, @csrfToken, @createdAt, @expiresAt)`,
      )
      .run(row);
  }

  /** Ends a session. */
  delete(id: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
  }

  /** Drops expired sessions. */
  prune(): void {
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(new Date().toISOString());
  }
}
