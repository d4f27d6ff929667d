import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { Principal } from '../../auth/Principal.js';
import { readAppArchive, writeAppArchive } from '../../files/AppArchive.js';
import { ApiError } from '../../server/ApiError.js';
import type { AppRow } from '../../storage/AppsTable.js';
import type { TempContentRow } from '../../storage/TempContentsTable.js';
import type { TenantContext } from '../TenantContext.js';
import type { AppService } from './AppService.js';

/** Where an imported app goes and what it is called. */
export interface ImportTarget {
  readonly name?: string;
  readonly spaceId?: string;
  readonly fallbackName?: string;
}

/**
 * Apps leaving and entering the tenant: export to a temp content (the
 * engine's saved files in a qlikit app archive, streamed from disk), import
 * from one or from a request body (streamed to disk, then adopted by the
 * engine in one rename), and publishing to managed spaces.
 */
export class AppTransfer {
  constructor(
    private readonly context: TenantContext,
    private readonly apps: AppService,
  ) {}

  /** Exports an app into a new temp content of the principal's. */
  async export(principal: Principal, appId: string, noData: boolean): Promise<TempContentRow> {
    const app = this.apps.authorized(principal, appId, 'export');
    const files = (await this.context.engineApps.savedFiles(app.id)).filter(
      (file) => !noData || !file.name.startsWith('tables.'),
    );
    const meta = {
      name: app.name,
      description: app.description,
      usage: app.usage,
      locale: app.locale,
      sourceAppId: app.id,
    };
    const spooled = await this.context.spool.spool(writeAppArchive(meta, files));
    const row = await this.context.tempContents.put(spooled, `${app.name}.qvf`, principal.user.id);
    this.context.events.emit({
      eventType: 'com.qlik.v1.app.exported',
      userId: principal.user.id,
      resourceId: app.id,
      resourceType: 'app',
      ownerId: app.ownerId,
      ...(app.spaceId ? { spaceId: app.spaceId } : {}),
      data: { id: app.id, tempContentId: row.id },
    });
    return row;
  }

  /** Imports an app archive (from a body stream or a temp content) as a new app of the principal's. */
  async import(principal: Principal, source: Readable, target: ImportTarget): Promise<AppRow> {
    this.apps.requireCreateIn(principal, target.spaceId);
    const work = this.context.spool.dir;
    const archive = await readAppArchive(source, work);
    try {
      const meta = archive.meta as {
        name?: string;
        description?: string;
        usage?: string;
        locale?: string;
      };
      const name = target.name ?? meta.name ?? target.fallbackName ?? 'Imported app';
      const id = randomUUID();
      await this.context.engineApps.adopt(id, name, archive.files).catch((error: unknown) => {
        throw ApiError.badRequest(
          `The archive's app cannot be read: ${error instanceof Error ? error.message : String(error)}`,
          'APP-400',
        );
      });
      return this.apps.commitNew(id, principal.user.id, {
        name,
        spaceId: target.spaceId,
        description: meta.description,
        usage: meta.usage,
        locale: meta.locale,
      });
    } finally {
      await Promise.all(archive.files.map((file) => rm(file.path, { force: true })));
    }
  }

  /** A temp content's bytes, for `import?fileId=`. */
  tempContentStream(principal: Principal, fileId: string): Readable {
    const row = /^[0-9a-f]{24}$/.test(fileId) ? this.context.tempContents.get(fileId) : undefined;
    if (
      !row ||
      (row.creatorId !== principal.user.id && !principal.isAdmin) ||
      row.expiresAt <= new Date().toISOString()
    )
      throw ApiError.badRequest(`Temporary content ${fileId} not found`, 'APP-400');
    return createReadStream(this.context.tempContents.pathOf(row.id));
  }

  /** Publishes an app of a shared space as a new app of a managed space. */
  async publish(
    principal: Principal,
    appId: string,
    request: { spaceId?: string; name?: string; description?: string },
  ): Promise<AppRow> {
    const source = this.apps.authorized(principal, appId, 'publish');
    const space = request.spaceId ? this.context.storage.spaces.get(request.spaceId) : undefined;
    if (!space || space.type !== 'managed')
      throw ApiError.badRequest('Publish to a managed space (spaceId)', 'APP-400');
    this.context.policy.requireSpace(principal, space, 'publishTo');
    const id = randomUUID();
    const name = request.name ?? source.name;
    await this.context.engineApps.copy(source.id, id, name);
    const row = this.apps.commitNew(id, principal.user.id, {
      name,
      spaceId: space.id,
      description: request.description ?? source.description,
      usage: source.usage,
      locale: source.locale,
      published: true,
      originAppId: source.id,
      lastReloadTime: source.lastReloadTime,
    });
    this.emitPublished(principal, row);
    return row;
  }

  /** Republishes: the published app gets the source's current content as a new version. */
  async republish(
    principal: Principal,
    appId: string,
    request: { targetId?: string; name?: string; description?: string; checkOriginAppId?: boolean },
  ): Promise<AppRow> {
    const source = this.apps.authorized(principal, appId, 'publish');
    const target = request.targetId ? this.context.storage.apps.get(request.targetId) : undefined;
    if (!target || !target.published)
      throw ApiError.badRequest('targetId must name a published app', 'APP-400');
    if ((request.checkOriginAppId ?? true) && target.originAppId !== source.id)
      throw ApiError.conflict(`App ${target.id} was not published from ${source.id}`, 'APP-409');
    const space = target.spaceId ? this.context.storage.spaces.get(target.spaceId) : undefined;
    if (!space) throw ApiError.badRequest('The published app has no space', 'APP-400');
    this.context.policy.requireSpace(principal, space, 'publishTo');
    const name = request.name ?? target.name;
    await this.context.engineApps.copy(source.id, target.id, name, { replace: true });
    const row = this.context.storage.transaction(() => {
      const updated = this.context.storage.apps.update(target.id, {
        name,
        description: request.description ?? target.description,
        publishedAt: new Date().toISOString(),
        lastReloadTime: source.lastReloadTime,
      })!;
      const item = this.context.storage.items.forResource('app', target.id);
      if (item)
        this.context.storage.items.update(item.id, principal.user.id, {
          name,
          resourceUpdated: true,
        });
      return updated;
    });
    this.emitPublished(principal, row);
    return row;
  }

  private emitPublished(principal: Principal, app: AppRow): void {
    this.context.events.emit({
      eventType: 'com.qlik.v1.app.published',
      userId: principal.user.id,
      resourceId: app.id,
      resourceType: 'app',
      ownerId: app.ownerId,
      ...(app.spaceId ? { spaceId: app.spaceId } : {}),
      data: { id: app.id, originAppId: app.originAppId },
    });
  }
}
