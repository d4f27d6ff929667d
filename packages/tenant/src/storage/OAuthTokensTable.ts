import type { Db } from './openDatabase.js';

/** An access token issued by `POST /oauth/token` (the JWT itself is not stored, only its `jti`). */
export interface OAuthTokenRow {
  readonly id: string;
  readonly clientId: string;
  readonly userId: string;
  readonly scope: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revoked: boolean;
}

interface RawToken {
  id: string;
  client_id: string;
  user_id: string;
  scope: string;
  created_at: string;
  expires_at: string;
  revoked: number;
}

/** The oauth_tokens table. */
export class OAuthTokensTable {
  private readonly byId;

  constructor(private readonly db: Db) {
    this.byId = db.prepare<[string], RawToken>('SELECT * FROM oauth_tokens WHERE id = ?');
  }

  /** The token with this id, or undefined. */
  get(id: string): OAuthTokenRow | undefined {
    const raw = this.byId.get(id);
    return raw && toToken(raw);
  }

  /** True when the token exists, is not revoked and has not expired. */
  isActive(id: string): boolean {
    const token = this.get(id);
    return !!token && !token.revoked && token.expiresAt > new Date().toISOString();
  }

  /** Stores an issued token. */
  create(row: Omit<OAuthTokenRow, 'revoked'>): void {
    this.db
      .prepare(
        `INSERT INTO oauth_tokens (id, client_id, user_id, scope, created_at, expires_at)
         VALUES (@id, @clientId, @userId, @scope, @createdAt, @expiresAt)`,
      )
      .run(row);
  }

  /** Tokens of one user (or all), newest first. */
  list(filter: {
    readonly userId?: string;
    readonly limit: number;
    readonly offset: number;
  }): OAuthTokenRow[] {
    const sql = filter.userId
      ? 'SELECT * FROM oauth_tokens WHERE user_id = @userId AND revoked = 0 ORDER BY created_at DESC, id LIMIT @limit OFFSET @offset'
      : 'SELECT * FROM oauth_tokens WHERE revoked = 0 ORDER BY created_at DESC, id LIMIT @limit OFFSET @offset';
    return this.db.prepare<Record<string, unknown>, RawToken>(sql).all(filter).map(toToken);
  }

  /** Revokes a token; returns whether it was active. */
  revoke(id: string): boolean {
    return (
      this.db.prepare('UPDATE oauth_tokens SET revoked = 1 WHERE id = ? AND revoked = 0').run(id)
        .changes > 0
    );
  }
}

function toToken(raw: RawToken): OAuthTokenRow {
  return {
    id: raw.id,
    clientId: raw.client_id,
    userId: raw.user_id,
    scope: raw.scope,
    createdAt: raw.created_at,
    expiresAt: raw.expires_at,
    revoked: raw.revoked !== 0,
  };
}
