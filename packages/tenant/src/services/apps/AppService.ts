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
  /** A published app: published now, from `originAppId`. */
  readonly published?: boolean;
  readonly originAppId?: string;
  /** Kept from the app the new one copies. */
  readonly lastReloadTime?: string | null;
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
    return this.commitNew(id, principal.user.id, app);
  }

  /** Copies an app (document, objects and data) into a new app owned by the principal. */
  async copy(principal: Principal, sourceId: string, app: NewApp): Promise<AppRow> {
    const source = this.authorized(principal, sourceId, 'duplicate');
    const spaceId = app.spaceId === undefined ? source.spaceId : app.spaceId;
    this.requireCreateIn(principal, spaceId);
    const id = randomUUID();
    await this.context.engineApps.copy(sourceId, id, app.name);
    return this.commitNew(id, principal.user.id, {
      ...app,
      spaceId,
      description: app.description ?? source.description,
      usage: source.usage,
      locale: source.locale,
      lastReloadTime: source.lastReloadTime,
    });
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

  /** Moves an app to another shared space, or (null) to its owner's personal space. */
  move(principal: Principal, appId: string, spaceId: string | null): AppRow {
    const app = this.authorized(principal, appId, 'change_space');
    if (spaceId) this.requireCreateIn(principal, spaceId);
    else if (app.ownerId !== principal.user.id)
      throw ApiError.forbidden('Only its owner may move an app to a personal space', 'APP-403');
    return this.context.storage.transaction(() => {
      const row = this.context.storage.apps.update(appId, { spaceId })!;
      const item = this.context.storage.items.forResource('app', appId);
      if (item) this.context.storage.items.update(item.id, principal.user.id, { spaceId });
      return row;
    });
  }

  /** Gives an app another owner. */
  changeOwner(principal: Principal, appId: string, ownerId: string): AppRow {
    this.authorized(principal, appId, 'change_owner');
    if (!this.context.storage.users.get(ownerId))
      throw ApiError.badRequest(`User ${ownerId} not found`, 'APP-400');
    return this.context.storage.transaction(() => {
      const row = this.context.storage.apps.update(appId, { ownerId })!;
      const item = this.context.storage.items.forResource('app', appId);
      if (item) this.context.storage.items.update(item.id, principal.user.id, { ownerId });
      return row;
    });
  }

  /** Sets an app's load script and saves it. */
  async setScript(appId: string, script: string): Promise<void> {
    const app = await this.context.engineApps.get(appId);
    app.setScript(script);
    await app.save();
  }

  /** Deletes an app: its metadata first (so it is gone at once), then its engine files. */
  async delete(principal: Principal, appId: string): Promise<void> {
    const app = this.authorized(principal, appId, 'delete');
    const { storage } = this.context;
    storage.transaction(() => {
      storage.items.deleteResource('app', appId);
      storage.scriptVersions.deleteOfApp(appId);
      storage.reloads.deleteOfApp(appId);
      storage.apps.delete(appId);
    });
    await this.context.engineApps.delete(appId).catch(() => undefined);
    this.emit('com.qlik.v1.app.deleted', app, principal.user.id);
  }

  /**
   * Records an app whose engine files are written: its row and item in one
   * transaction (the engine files are removed if that fails), then the event.
   */
  commitNew(id: string, ownerId: string, app: NewApp): AppRow {
    const { storage } = this.context;
    let row: AppRow;
    try {
      row = storage.transaction(() => {
        const created = storage.apps.create({
          id,
          name: app.name,
          ownerId,
          spaceId: app.spaceId ?? null,
          description: app.description ?? '',
          usage: app.usage ?? 'ANALYTICS',
          locale: app.locale ?? '',
          lastReloadTime: app.lastReloadTime ?? null,
          published: app.published ?? false,
          publishedAt: app.published ? new Date().toISOString() : null,
          originAppId: app.originAppId ?? null,
        });
        storage.items.create({
          resourceType: 'app',
          resourceId: id,
          name: created.name,
          description: created.description,
          spaceId: created.spaceId,
          ownerId,
        });
        return created;
      });
    } catch (error) {
      void this.context.engineApps.delete(id).catch(() => undefined);
      throw error;
    }
    this.emit('com.qlik.v1.app.created', row, ownerId);
    return row;
  }

  private emit(
    eventType: 'com.qlik.v1.app.created' | 'com.qlik.v1.app.deleted',
    app: AppRow,
    userId: string,
  ): void {
    this.context.events.emit({
      eventType,
      userId,
      resourceId: app.id,
      resourceType: 'app',
      ownerId: app.ownerId,
      ...(app.spaceId ? { spaceId: app.spaceId } : {}),
      data: {
        id: app.id,
        attributes: { name: app.name, spaceId: app.spaceId, ownerId: app.ownerId },
      },
    });
  }
}
