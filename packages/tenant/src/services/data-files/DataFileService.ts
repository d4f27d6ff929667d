import { createHash, randomUUID } from 'node:crypto';
import { copyFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Placement } from '../../access/AccessPolicy.js';
import type { SpacePermission } from '../../access/spaceRoles.js';
import type { Principal } from '../../auth/Principal.js';
import { DataFileFolders } from '../../files/DataFileFolders.js';
import { checkDataFileName } from '../../files/dataFileName.js';
import type { SpooledFile } from '../../files/UploadSpool.js';
import { ApiError } from '../../server/ApiError.js';
import type { DataFileRow } from '../../storage/DataFilesTable.js';
import type { SpaceRow } from '../../storage/SpacesTable.js';
import type { TenantContext } from '../TenantContext.js';

/** Where a data file goes: a space, or a user's personal space. */
export interface FileTarget {
  readonly spaceId: string | null;
  /** The personal space's user when `spaceId` is null. */
  readonly ownerId: string;
}

/** A DataFiles connection: how scripts and the API name one space's data files. */
export interface DataFilesConnection {
  readonly id: string;
  readonly spaceId: string | null;
  readonly space: SpaceRow | undefined;
  readonly folder: string;
  /** `DataFiles` in a personal space, `<space name>:DataFiles` in a shared one (as a script spells it). */
  readonly qualifiedName: string;
}

/** The id of the DataFiles connection of a folder: a UUID derived from it, stable across restarts. */
export function connectionIdOf(folder: string): string {
  const hex = createHash('sha1').update(`datafiles:${folder}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Data files as a whole: their content in the space's folder, their record
 * and their catalog item, kept in step. An upload is spooled to disk first,
 * renamed into its folder, then recorded; the disk is the truth about
 * content, and `reconcile` brings records and items in line with it (at
 * start-up, after reloads that STORE files, before listing).
 */
export class DataFileService {
  // The steps that change a folder and its records run one at a time with
  // `reconcile`, which reads both: a reconcile that scanned the disk before an
  // upload's rename and read the records after its insert dropped the
  // acknowledged record (and one between a delete's record and its file
  // adopted the file again).
  private exclusive: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly context: TenantContext,
    /** Bytes of data files each user may own in all (the quotas' `maxSize`); uploads past it get 413. */
    readonly quota: number = Number.MAX_SAFE_INTEGER,
  ) {}

  private locked<T>(work: () => Promise<T>): Promise<T> {
    const run = this.exclusive.then(work);
    this.exclusive = run.catch(() => undefined);
    return run;
  }

  /** The connection of a target. */
  connectionOf(target: FileTarget): DataFilesConnection {
    const folder = DataFileFolders.folderOf(target.spaceId, target.ownerId);
    const space = target.spaceId ? this.context.storage.spaces.get(target.spaceId) : undefined;
    return {
      id: connectionIdOf(folder),
      spaceId: target.spaceId,
      space,
      folder,
      qualifiedName: space ? `${space.name}:DataFiles` : 'DataFiles',
    };
  }

  /** The DataFiles connections the principal may read: its personal space's and those of spaces it reads data in. */
  connections(principal: Principal): DataFilesConnection[] {
    const personal = this.connectionOf({ spaceId: null, ownerId: principal.user.id });
    const spaces = this.context.storage.spaces
      .all()
      .filter((space) => this.context.policy.spacePermissions(principal, space).has('readData'))
      .map((space) => this.connectionOf({ spaceId: space.id, ownerId: space.ownerId }));
    return [personal, ...spaces];
  }

  /** The target a connection id names, for this principal (400 when it names none it may use). */
  targetOfConnection(principal: Principal, connectionId: string | undefined | null): FileTarget {
    if (!connectionId) return { spaceId: null, ownerId: principal.user.id };
    const connection = this.connections(principal).find(
      (candidate) => candidate.id === connectionId,
    );
    if (!connection) {
      // A member of the space without data rights (a viewer) is refused, not told the connection is unknown.
      const seen = this.context.storage.spaces
        .all()
        .some(
          (space) =>
            this.connectionOf({ spaceId: space.id, ownerId: space.ownerId }).id === connectionId &&
            this.context.policy.spacePermissions(principal, space).has('read'),
        );
      if (seen)
        throw ApiError.forbidden(
          `Not allowed to use the data files of connection ${connectionId}`,
          'DATAFILES-403',
        );
      throw ApiError.badRequest(`No DataFiles connection ${connectionId}`, 'DATAFILES-400');
    }
    return {
      spaceId: connection.spaceId,
      ownerId: connection.spaceId ? connection.space!.ownerId : principal.user.id,
    };
  }

  /** Throws unless the principal holds the permission where the target is. */
  require(principal: Principal, target: FileTarget, permission: SpacePermission): void {
    const granted = this.context.policy.permissions(principal, this.placement(target));
    if (!granted.has(permission))
      throw ApiError.forbidden(
        `Not allowed to ${permission === 'writeData' ? 'change' : 'read'} data files here`,
        'DATAFILES-403',
      );
  }

  /** A data file the principal may see (404 otherwise), and may `permission` (403 otherwise). */
  visible(principal: Principal, id: string, permission: SpacePermission = 'readData'): DataFileRow {
    const row = this.context.storage.dataFiles.get(id);
    const granted = row && this.context.policy.permissions(principal, this.placement(row));
    if (!row || !granted?.has('readData'))
      throw ApiError.notFound(`Data file ${id} not found`, 'DATAFILES-404');
    if (!granted.has(permission))
      throw ApiError.forbidden(`Not allowed to change data file ${id}`, 'DATAFILES-403');
    return row;
  }

  /** The actions (`DataFilePermission`) the principal has on a file. */
  actions(
    principal: Principal,
    row: FileTarget | DataFileRow,
  ): Array<'read' | 'update' | 'delete' | 'list' | 'change_owner' | 'change_space'> {
    const granted = this.context.policy.permissions(principal, this.placement(row));
    if (!granted.has('readData')) return [];
    if (!granted.has('writeData')) return ['read', 'list'];
    return ['read', 'update', 'delete', 'list', 'change_owner', 'change_space'];
  }

  /** Stores a new data file from a spooled upload (or a temp content, or another file's copy). */
  async create(
    principal: Principal,
    target: FileTarget,
    name: string,
    content: SpooledFile,
  ): Promise<DataFileRow> {
    checkDataFileName(name);
    this.require(principal, target, 'writeData');
    const folder = DataFileFolders.folderOf(target.spaceId, target.ownerId);
    return this.locked(async () => {
      if (this.context.storage.dataFiles.find(folder, name))
        throw ApiError.conflict(`A data file named ${name} exists in this space`, 'DATAFILES-409');
      this.checkQuota(principal.user.id, content.size);
      await this.context.folders.commit(content, folder, name);
      return this.context.storage.transaction(() => {
        const row = this.context.storage.dataFiles.create({
          id: randomUUID(),
          folder,
          name,
          spaceId: target.spaceId,
          ownerId: principal.user.id,
          size: content.size,
        });
        this.createItem(row);
        return row;
      });
    });
  }

  /** Replaces a file's content, renames it, or moves it to another space — any of the three. */
  async update(
    principal: Principal,
    id: string,
    changes: {
      readonly name?: string;
      readonly target?: FileTarget;
      readonly content?: SpooledFile;
    },
  ): Promise<DataFileRow> {
    const row = this.visible(principal, id, 'writeData');
    const name = changes.name ?? row.name;
    checkDataFileName(name);
    const target = changes.target ?? this.placement(row);
    if (changes.target) this.require(principal, target, 'writeData');
    const folder = DataFileFolders.folderOf(target.spaceId, target.ownerId);
    const moved = folder !== row.folder || name !== row.name;
    return this.locked(async () => {
      if (moved && this.context.storage.dataFiles.find(folder, name))
        throw ApiError.conflict(`A data file named ${name} exists there`, 'DATAFILES-409');
      if (changes.content)
        this.checkQuota(
          principal.user.id,
          changes.content.size - (row.ownerId === principal.user.id ? row.size : 0),
        );
      if (moved) await this.context.folders.move(row.folder, row.name, folder, name);
      if (changes.content) await this.context.folders.commit(changes.content, folder, name);
      return this.context.storage.transaction(() => {
        const next = this.context.storage.dataFiles.update(
          id,
          {
            folder,
            name,
            spaceId: target.spaceId,
            ...(changes.content ? { size: changes.content.size, ownerId: principal.user.id } : {}),
          },
          changes.content !== undefined,
        )!;
        this.syncItem(next, principal.user.id);
        return next;
      });
    });
  }

  /** Throws 413 when `added` more bytes would take the user's data files past the quota. */
  private checkQuota(userId: string, added: number): void {
    const used = this.context.storage.dataFiles.sizeOwnedBy(userId);
    if (added > 0 && used + added > this.quota)
      throw ApiError.tooLarge(
        `The data files quota of ${this.quota} bytes would be exceeded (${used} used, ${added} more)`,
      );
  }

  /** Gives a file another owner (the new owner must be able to write where it is). */
  changeOwner(principal: Principal, id: string, ownerId: string): DataFileRow {
    this.visible(principal, id, 'writeData');
    if (!this.context.storage.users.get(ownerId))
      throw ApiError.badRequest(`User ${ownerId} not found`, 'DATAFILES-400');
    return this.context.storage.transaction(() => {
      const next = this.context.storage.dataFiles.update(id, { ownerId }, false)!;
      this.syncItem(next, principal.user.id);
      return next;
    });
  }

  /** Deletes a file: its record and item first, then its content. */
  async delete(principal: Principal, id: string): Promise<void> {
    const row = this.visible(principal, id, 'writeData');
    await this.locked(async () => {
      this.context.storage.transaction(() => {
        this.context.storage.items.deleteResource('dataset', id);
        this.context.storage.dataFiles.delete(id);
      });
      await this.context.folders.remove(row.folder, row.name);
    });
  }

  /** A copy of another file's content (for `sourceId`), spooled as an upload would be. */
  async copyOf(principal: Principal, sourceId: string): Promise<SpooledFile> {
    const source = this.visible(principal, sourceId);
    return this.copyToSpool(this.context.folders.pathOf(source.folder, source.name));
  }

  /** A copy of a temp content (for `tempContentFileId`), spooled as an upload would be. */
  async copyOfTempContent(principal: Principal, tempContentId: string): Promise<SpooledFile> {
    const row = /^[0-9a-f]{24}$/.test(tempContentId)
      ? this.context.tempContents.get(tempContentId)
      : undefined;
    if (
      !row ||
      (row.creatorId !== principal.user.id && !principal.isAdmin) ||
      row.expiresAt <= new Date().toISOString()
    )
      throw ApiError.badRequest(`Temporary content ${tempContentId} not found`, 'DATAFILES-400');
    return this.copyToSpool(this.context.tempContents.pathOf(row.id));
  }

  /**
   * Makes records and items agree with the folders on disk: a file without a
   * record was stored by a script (or its upload's record never committed) and
   * gets one, owned by the space's owner or the personal space's user; a
   * record without a file is dropped; sizes follow the disk.
   */
  reconcile(folders?: readonly string[]): Promise<void> {
    return this.locked(() => this.reconcileNow(folders));
  }

  private async reconcileNow(folders?: readonly string[]): Promise<void> {
    const { storage } = this.context;
    const keys = folders ?? [
      ...new Set([
        ...(await this.context.folders.folders()),
        ...storage.dataFiles.all().map((row) => row.folder),
      ]),
    ];
    for (const folder of keys) {
      const onDisk = new Map(
        (await this.context.folders.scan(folder)).map((entry) => [entry.name, entry.size]),
      );
      const rows = storage.dataFiles.inFolders([folder]);
      const [kind, id] = folder.split('/') as ['space' | 'personal', string];
      const space = kind === 'space' ? storage.spaces.get(id) : undefined;
      if (kind === 'space' && !space) continue;
      storage.transaction(() => {
        for (const row of rows) {
          const size = onDisk.get(row.name);
          if (size === undefined) {
            storage.items.deleteResource('dataset', row.id);
            storage.dataFiles.delete(row.id);
          } else if (size !== row.size) {
            this.syncItem(storage.dataFiles.update(row.id, { size }, true)!, row.ownerId);
          }
          onDisk.delete(row.name);
        }
        for (const [name, size] of onDisk) {
          const ownerId = space ? space.ownerId : id;
          if (!storage.users.get(ownerId)) continue;
          const row = storage.dataFiles.create({
            id: randomUUID(),
            folder,
            name,
            spaceId: space?.id ?? null,
            ownerId,
            size,
          });
          this.createItem(row);
        }
      });
    }
  }

  private async copyToSpool(path: string): Promise<SpooledFile> {
    const target = join(this.context.spool.dir, randomUUID());
    await copyFile(path, target);
    return { path: target, size: (await stat(target)).size };
  }

  /** Where a target or a stored file lives; a stored personal file belongs to its folder's user. */
  private placement(target: FileTarget | DataFileRow): Placement {
    if ('folder' in target && target.folder.startsWith('personal/'))
      return { spaceId: null, ownerId: target.folder.slice('personal/'.length) };
    return { spaceId: target.spaceId, ownerId: target.ownerId };
  }

  private createItem(row: DataFileRow): void {
    this.context.storage.items.create({
      resourceType: 'dataset',
      resourceSubType: 'qix-df',
      resourceId: row.id,
      name: row.name,
      spaceId: row.spaceId,
      ownerId: row.ownerId,
      resourceSize: row.size,
    });
  }

  private syncItem(row: DataFileRow, updaterId: string): void {
    const item = this.context.storage.items.forResource('dataset', row.id);
    if (!item) return this.createItem(row);
    this.context.storage.items.update(item.id, updaterId, {
      name: row.name,
      spaceId: row.spaceId,
      ownerId: row.ownerId,
      resourceSize: row.size,
      resourceUpdated: true,
    });
  }
}
