import { createHash, timingSafeEqual } from 'node:crypto';
import type { Db } from './openDatabase.js';
import { now } from './newId.js';

/** The settings of an OAuth client kept as one JSON column: what the spec lets a client configure. */
export interface OAuthClientSettings {
  readonly redirectUris?: string[];
  readonly allowedOrigins?: string[];
  readonly allowedScopes?: string[];
  readonly allowedGrantTypes?: Array<'client_credentials' | 'urn:qlik:oauth:user-impersonation'>;
  readonly allowedAuthMethods?: Array<'client_secret' | 'private_key_jwt'>;
  readonly logoUri?: string;
  readonly clientUri?: string;
}

/** An OAuth client. */
export interface OAuthClientRow {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly appType: 'web' | 'native' | 'spa' | 'anonymous-embed';
  readonly ownerId: string;
  readonly settings: OAuthClientSettings;
  readonly publishedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A client secret's public part. */
export interface ClientSecretHint {
  readonly hint: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

interface RawClient {
  id: string;
  name: string;
  description: string;
  app_type: OAuthClientRow['appType'];
  owner_id: string;
  settings: string;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

/** The oauth_clients and oauth_client_secrets tables; secrets are kept as SHA-256 digests. */
export class OAuthClientsTable {
  constructor(private readonly db: Db) {}

  /** The client with this id. */
  get(id: string): OAuthClientRow | undefined {
    const raw = this.db
      .prepare<[string], RawClient>('SELECT * FROM oauth_clients WHERE id = ?')
      .get(id);
    return raw && toClient(raw);
  }

  /** Every client, by creation. */
  all(): OAuthClientRow[] {
    return this.db
      .prepare<[], RawClient>('SELECT * FROM oauth_clients ORDER BY created_at, id')
      .all()
      .map(toClient);
  }

  /** Stores a new client. */
  create(client: Omit<OAuthClientRow, 'createdAt' | 'updatedAt' | 'publishedAt'>): OAuthClientRow {
    const time = now();
    const row: OAuthClientRow = { ...client, publishedAt: null, createdAt: time, updatedAt: time };
    this.db
      .prepare(
        `INSERT INTO oauth_clients (id, name, description, app_type, owner_id, settings, published_at, created_at, updated_at)
         VALUES (@id, @name, @description, @appType, @ownerId, @settings, @publishedAt, @createdAt, @updatedAt)`,
      )
      .run({ ...row, settings: JSON.stringify(row.settings) });
    return row;
  }

  /** Replaces a client's editable fields. */
  update(
    id: string,
    changes: Partial<Pick<OAuthClientRow, 'name' | 'description' | 'settings' | 'publishedAt'>>,
  ): OAuthClientRow | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    const next: OAuthClientRow = { ...current, ...changes, updatedAt: now() };
    this.db
      .prepare(
        `UPDATE oauth_clients SET name = @name, description = @description, settings = @settings,
         published_at = @publishedAt, updated_at = @updatedAt WHERE id = @id`,
      )
      .run({ ...next, settings: JSON.stringify(next.settings) });
    return next;
  }

  /** Deletes a client, its secrets and its tokens. */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM oauth_clients WHERE id = ?').run(id).changes > 0;
  }

  /** Stores a new secret of a client (only its digest). */
  addSecret(clientId: string, secret: string, createdBy: string): ClientSecretHint {
    const hint = secret.slice(-5);
    const row = { clientId, hint, digest: digest(secret), createdBy, createdAt: now() };
    this.db
      .prepare(
        `INSERT INTO oauth_client_secrets (client_id, hint, secret_hash, created_by, created_at)
         VALUES (@clientId, @hint, @digest, @createdBy, @createdAt)`,
      )
      .run(row);
    return { hint, createdBy, createdAt: row.createdAt };
  }

  /** The hints of a client's secrets. */
  secrets(clientId: string): ClientSecretHint[] {
    return this.db
      .prepare<[string], { hint: string; created_by: string; created_at: string }>(
        'SELECT hint, created_by, created_at FROM oauth_client_secrets WHERE client_id = ? ORDER BY created_at',
      )
      .all(clientId)
      .map((row) => ({ hint: row.hint, createdBy: row.created_by, createdAt: row.created_at }));
  }

  /** Removes one secret by its hint. */
  removeSecret(clientId: string, hint: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM oauth_client_secrets WHERE client_id = ? AND hint = ?')
        .run(clientId, hint).changes > 0
    );
  }

  /** Whether `secret` is one of the client's secrets (compared in constant time). */
  verifySecret(clientId: string, secret: string): boolean {
    const given = Buffer.from(digest(secret), 'hex');
    return this.db
      .prepare<[string], { secret_hash: string }>(
        'SELECT secret_hash FROM oauth_client_secrets WHERE client_id = ?',
      )
      .all(clientId)
      .some((row) => timingSafeEqual(Buffer.from(row.secret_hash, 'hex'), given));
  }
}

function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function toClient(raw: RawClient): OAuthClientRow {
  return {
    id: raw.id,
    name: raw.name,
    description: raw.description,
    appType: raw.app_type,
    ownerId: raw.owner_id,
    settings: JSON.parse(raw.settings) as OAuthClientSettings,
    publishedAt: raw.published_at,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}
