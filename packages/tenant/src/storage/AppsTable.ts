import type { Db } from './openDatabase.js';
import { now } from './newId.js';
import { definedChanges } from './definedChanges.js';

/** An app's metadata (its script, objects and data live in the engine's app directory). */
export interface AppRow {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly ownerId: string;
  readonly spaceId: string | null;
  readonly usage: string;
  readonly locale: string;
  readonly published: boolean;
  readonly publishedAt: string | null;
  /** For a published app: the app it was published from. */
  readonly originAppId: string | null;
  readonly lastReloadTime: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface RawApp {
  id: string;
  name: string;
  description: string;
  owner_id: string;
  space_id: string | null;
  usage: string;
  locale: string;
  published: number;
  published_at: string | null;
  origin_app_id: string | null;
  last_reload_time: string | null;
  created_at: string;
  updated_at: string;
}

/** The apps table. */
export class AppsTable {
  private readonly byId;

  constructor(private readonly db: Db) {
    this.byId = db.prepare<[string], RawApp>('SELECT * FROM apps WHERE id = ?');
  }

  /** The app with this id. */
  get(id: string): AppRow | undefined {
    const raw = this.byId.get(id);
    return raw && toApp(raw);
  }

  /** Every app id (for reconciling with the engine's directory). */
  ids(): string[] {
    return this.db
      .prepare<[], { id: string }>('SELECT id FROM apps')
      .all()
      .map((row) => row.id);
  }

  /** Published copies of an app. */
  publishedFrom(originAppId: string): AppRow[] {
    return this.db
      .prepare<[string], RawApp>('SELECT * FROM apps WHERE origin_app_id = ? ORDER BY created_at')
      .all(originAppId)
      .map(toApp);
  }

  /** Stores a new app's metadata. */
  create(
    app: Pick<AppRow, 'id' | 'name' | 'ownerId' | 'spaceId'> &
      Partial<
        Pick<
          AppRow,
          | 'description'
          | 'usage'
          | 'locale'
          | 'published'
          | 'publishedAt'
          | 'originAppId'
          | 'lastReloadTime'
        >
      >,
  ): AppRow {
    const time = now();
    const row: AppRow = {
      description: '',
      usage: 'ANALYTICS',
      locale: '',
      published: false,
      publishedAt: null,
      originAppId: null,
      lastReloadTime: null,
      ...app,
      createdAt: time,
      updatedAt: time,
    };
    this.db
      .prepare(
        `INSERT INTO apps (id, name, description, owner_id, space_id, usage, locale, published, published_at,
           origin_app_id, last_reload_time, created_at, updated_at)
         VALUES (@id, @name, @description, @ownerId, @spaceId, @usage, @locale, @published, @publishedAt,
           @originAppId, @lastReloadTime, @createdAt, @updatedAt)`,
      )
      .run({ ...row, published: row.published ? 1 : 0 });
    return row;
  }

  /** Changes an app's metadata. */
  update(
    id: string,
    changes: Partial<
      Pick<
        AppRow,
        | 'name'
        | 'description'
        | 'ownerId'
        | 'spaceId'
        | 'published'
        | 'publishedAt'
        | 'lastReloadTime'
        | 'locale'
        | 'usage'
      >
    >,
  ): AppRow | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    const next: AppRow = { ...current, ...definedChanges(changes), updatedAt: now() };
    this.db
      .prepare(
        `UPDATE apps SET name = @name, description = @description, owner_id = @ownerId, space_id = @spaceId,
           usage = @usage, locale = @locale, published = @published, published_at = @publishedAt,
           last_reload_time = @lastReloadTime, updated_at = @updatedAt
         WHERE id = @id`,
      )
      .run({ ...next, published: next.published ? 1 : 0 });
    return next;
  }

  /** Deletes an app's metadata. */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM apps WHERE id = ?').run(id).changes > 0;
  }
}

function toApp(raw: RawApp): AppRow {
  return {
    id: raw.id,
    name: raw.name,
    description: raw.description,
    ownerId: raw.owner_id,
    spaceId: raw.space_id,
    usage: raw.usage,
    locale: raw.locale,
    published: raw.published !== 0,
    publishedAt: raw.published_at,
    originAppId: raw.origin_app_id,
    lastReloadTime: raw.last_reload_time,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}
