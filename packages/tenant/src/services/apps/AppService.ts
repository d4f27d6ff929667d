import { randomUUID } from 'node:crypto';
import type { Principal } from '../../auth/Principal.js';
import { ApiError } from '../../server/ApiError.js';
import type { AppRow } from '../../storage/AppsTable.js';
import type { TenantContext } from '../TenantContext.js';

/** What a new app starts with. */
export interface NewApp {
  readonly name: string;
  readonly spaceId?: string | null;
  readonly description?: string;
  readonly usage?: string;
  readonly locale?: string;
}

/**
 * Apps as a whole: the engine's copy (script, objects, data) and the tenant's
 * metadata (row and catalog item), kept in step. The engine's files are
 * written first and the metadata committed last, so a crash in between
 * leaves only files that `reconcileApps` removes at the next start.
 */
export class AppService {
  constructor(private readonly context: TenantContext) {}

  /** The app's metadata, or a 404. */
  find(appId: string): AppRow {
    const app = this.context.storage.apps.get(appId);
    if (!app) throw ApiError.notFound(`App ${appId} not found`, 'APP-404');
    return app;
  }

  /** The app, when the principal holds `privilege` on it (404 when it may not see it, 403 when it may not do this). */
  authorized(
    principal: Principal,
    appId: string,
    privilege: Parameters<TenantContext['policy']['requireApp']>[2],
  ): AppRow {
    const app = this.find(appId);
    this.context.policy.requireApp(principal, app, privilege);
    return app;
  }

  /** Throws unless the principal may create apps where it asks to. */
  requireCreateIn(principal: Principal, spaceId: string | null | undefined): void {
    if (!spaceId) return;
    const space = this.context.storage.spaces.get(spaceId);
    if (!space) throw ApiError.notFound(`Space ${spaceId} not found`, 'SPACES-404');
    if (space.type !== 'shared')
      throw ApiError.badRequest(`Apps are created in shared spaces; ${spaceId} is ${space.type}`);
    this.context.policy.requireSpace(principal, space, 'edit');
  }

  /** Creates an empty app owned by the principal. */
  create(principal: Principal, app: NewApp): Promise<AppRow> {
    return this.createWithId(principal, randomUUID(), app);
  }

  /** Creates an empty app with a chosen id (the demo apps' readable ids). */
  async createWithId(principal: Principal, id: string, app: NewApp): Promise<AppRow> {
    this.requireCreateIn(principal, app.spaceId);
    await this.context.engineApps.create(app.name, id);
    return this.commit(id, principal.user.id, app);
  }

  /** Copies an app (document, objects and data) into a new app owned by the principal. */
  async copy(principal: Principal, sourceId: string, app: NewApp): Promise<AppRow> {
    const source = this.authorized(principal, sourceId, 'duplicate');
    const spaceId = app.spaceId === undefined ? source.spaceId : app.spaceId;
    this.requireCreateIn(principal, spaceId);
    const id = randomUUID();
    await this.context.engineApps.copy(sourceId, id, app.name);
    return this.commit(
      id,
      principal.user.id,
      {
        ...app,
        spaceId,
        description: app.description ?? source.description,
        usage: source.usage,
        locale: source.locale,
      },
      source.lastReloadTime,
    );
  }

  /** Changes an app's name and description, in the engine's title too. */
  async updateAttributes(
    principal: Principal,
    appId: string,
    changes: { name?: string; description?: string },
  ): Promise<AppRow> {
    this.authorized(principal, appId, 'update');
    if (changes.name !== undefined) {
      const engineApp = await this.context.engineApps.get(appId);
      engineApp.setProperties({ ...engineApp.document.properties, qTitle: changes.name });
      await engineApp.save();
    }
    return this.context.storage.transaction(() => {
      const row = this.context.storage.apps.update(appId, changes)!;
      const item = this.context.storage.items.forResource('app', appId);
      if (item)
        this.context.storage.items.update(item.id, principal.user.id, {
          ...changes,
          resourceUpdated: true,
        });
      return row;
    });
  }

  /** Deletes an app: its metadata first (so it is gone at once), then its engine files. */
  async delete(principal: Principal, appId: string): Promise<void> {
    this.authorized(principal, appId, 'delete');
    this.context.storage.transaction(() => {
      this.context.storage.items.deleteResource('app', appId);
      this.context.storage.apps.delete(appId);
    });
    await this.context.engineApps.delete(appId).catch(() => undefined);
  }

  private commit(
    id: string,
    ownerId: string,
    app: NewApp,
    lastReloadTime: string | null = null,
  ): AppRow {
    try {
      return this.context.storage.transaction(() => {
        const row = this.context.storage.apps.create({
          id,
          name: app.name,
          ownerId,
          spaceId: app.spaceId ?? null,
          description: app.description ?? '',
          usage: app.usage ?? 'ANALYTICS',
          locale: app.locale ?? '',
          lastReloadTime,
        });
        this.context.storage.items.create({
          resourceType: 'app',
          resourceId: id,
          name: row.name,
          description: row.description,
          spaceId: row.spaceId,
          ownerId,
        });
        return row;
      });
    } catch (error) {
      void this.context.engineApps.delete(id).catch(() => undefined);
      throw error;
    }
  }
}
