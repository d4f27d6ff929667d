import { readMultipartUpload } from '../../files/readMultipartUpload.js';
import { wildcard } from '../../files/dataFileName.js';
import type { SpooledFile } from '../../files/UploadSpool.js';
import { ApiError } from '../../server/ApiError.js';
import type { AuthenticatedCall, RouteTable } from '../../routes/RouteTable.js';
import type { DataFileRow } from '../../storage/DataFilesTable.js';
import { cursorLinks } from '../links.js';
import { pageArray } from '../pageArray.js';
import type { TenantContext } from '../TenantContext.js';
import type { DataFileService, DataFilesConnection } from './DataFileService.js';
import { toDataFile } from './toDataFile.js';

/** File extensions Qlik Cloud accepts as data files. */
const ALLOWED_EXTENSIONS = [
  '.csv',
  '.tsv',
  '.txt',
  '.tab',
  '.xlsx',
  '.xls',
  '.xlsm',
  '.json',
  '.xml',
  '.qvd',
  '.qvx',
  '.parquet',
  '.kml',
  '.geojson',
  '.html',
  '.htm',
  '.dat',
  '.fix',
  '.prn',
  '.mem',
  '.skv',
  '.log',
  '.qvs',
  '.ods',
  '.zip',
];

/**
 * The data-files service: multipart uploads streamed to the space's folder
 * (or copied from a temp content or another file), list, get, replace,
 * rename, move, change owner, delete, connections and quotas.
 */
export function dataFilesRoutes(
  routes: RouteTable,
  context: TenantContext,
  files: DataFileService,
  maxFileSize: number,
): void {
  const { storage } = context;
  const show = (row: DataFileRow, call: AuthenticatedCall) =>
    toDataFile(row, files.actions(call.principal, row));

  /** The content of an upload: its File part, or the temp content or file its Json names. */
  const contentOf = async (
    call: AuthenticatedCall,
    json: Record<string, unknown>,
    file: SpooledFile | undefined,
  ): Promise<SpooledFile | undefined> => {
    if (file) return file;
    if (typeof json.tempContentFileId === 'string')
      return files.copyOfTempContent(call.principal, json.tempContentFileId);
    if (typeof json.sourceId === 'string') return files.copyOf(call.principal, json.sourceId);
    return undefined;
  };

  routes.add(
    'data-files.createDataFile',
    async (_args, call) => {
      const { json, file } = await readMultipartUpload(call.request.raw, context.spool);
      let content: SpooledFile | undefined = file;
      try {
        if (!json || typeof json.name !== 'string')
          throw ApiError.badRequest('The Json part needs a name', 'DATAFILES-400');
        if (json.folder === true)
          throw ApiError.badRequest(
            'Folders are implicit in names ("a/b.csv"); the tenant stores no folder items',
            'DATAFILES-400',
          );
        content = await contentOf(call, json, file);
        if (!content)
          throw ApiError.badRequest(
            'Send a File part, a tempContentFileId or a sourceId',
            'DATAFILES-400',
          );
        const target = files.targetOfConnection(
          call.principal,
          json.connectionId as string | undefined,
        );
        const row = await files.create(call.principal, target, json.name, content);
        return call.reply.code(201).send(show(row, call));
      } catch (error) {
        await context.spool.discard(content);
        throw error;
      }
    },
    { rawBody: true },
  );

  routes.add('data-files.listDataFiles', async (args, call) => {
    const connections = args.connectionId
      ? [
          files
            .connections(call.principal)
            .find((connection) => connection.id === args.connectionId),
        ]
      : args.includeAllSpaces
        ? files.connections(call.principal)
        : [files.connectionOf({ spaceId: null, ownerId: call.principal.user.id })];
    if (connections.some((connection) => !connection))
      throw ApiError.badRequest(`No DataFiles connection ${args.connectionId}`, 'DATAFILES-400');
    const folders = (connections as DataFilesConnection[]).map((connection) => connection.folder);
    await files.reconcile(folders);
    const base = args.baseNameWildcard ? wildcard(args.baseNameWildcard) : undefined;
    const prefix = args.folderPath ? `${args.folderPath.replace(/\/$/, '')}/` : '';
    const rows = storage.dataFiles.inFolders(folders).filter((row) => {
      if (args.name && row.name !== args.name) return false;
      if (args.ownerId && row.ownerId !== args.ownerId) return false;
      if (args.notOwnerId && row.ownerId === args.notOwnerId) return false;
      if (!row.name.startsWith(prefix)) return false;
      const rest = row.name.slice(prefix.length);
      if (args.excludeSubFolders && rest.includes('/')) return false;
      if (base && !base.test(rest.slice(rest.lastIndexOf('/') + 1))) return false;
      return true;
    });
    sortFiles(rows, args.sort ?? 'name');
    const page = pageArray(rows, args.limit ?? 20, args.page ?? undefined);
    return { data: page.items.map((row) => show(row, call)), links: pageLinks(call, page) };
  });

  routes.add('data-files.getDataFile', ({ id }, call) =>
    show(files.visible(call.principal, id), call),
  );

  routes.add(
    'data-files.updateDataFile',
    async ({ id }, call) => {
      const { json = {}, file } = await readMultipartUpload(call.request.raw, context.spool);
      let content: SpooledFile | undefined = file;
      try {
        content = await contentOf(call, json, file);
        const target =
          typeof json.connectionId === 'string'
            ? files.targetOfConnection(call.principal, json.connectionId)
            : undefined;
        const row = await files.update(call.principal, id, {
          name: typeof json.name === 'string' ? json.name : undefined,
          target,
          content,
        });
        return call.reply.code(201).send(show(row, call));
      } catch (error) {
        await context.spool.discard(content);
        throw error;
      }
    },
    { rawBody: true },
  );

  routes.add('data-files.deleteDataFileById', async ({ id }, call) => {
    await files.delete(call.principal, id);
    return undefined;
  });

  routes.add('data-files.changeOwnerDataFile', ({ id, body }, call) => {
    if (!body?.ownerId) throw ApiError.badRequest('ownerId is required', 'DATAFILES-400');
    files.changeOwner(call.principal, id, body.ownerId);
    return undefined;
  });

  routes.add('data-files.changeSpaceDataFileById', async ({ id, body }, call) => {
    await files.update(call.principal, id, { target: spaceTarget(body?.spaceId ?? null, call) });
    return undefined;
  });

  routes.add('data-files.changeSpaceDataFiles', async ({ body }, call) => {
    const data = [];
    for (const item of body?.['change-space'] ?? []) {
      data.push(
        await outcome(item.id, () =>
          files.update(call.principal, item.id, {
            target: spaceTarget(item.spaceId ?? null, call),
          }),
        ),
      );
    }
    return call.reply.code(207).send({ data });
  });

  routes.add('data-files.deleteDataFiles', async ({ body }, call) => {
    const ids = (body?.delete ?? []).map((item) => item.id);
    if (body?.deleteAllFromPersonalSpace) {
      const personal = files.connectionOf({ spaceId: null, ownerId: call.principal.user.id });
      ids.push(...storage.dataFiles.inFolders([personal.folder]).map((row) => row.id));
    }
    for (const { id: spaceId } of body?.deleteAllBySpace ?? []) {
      const space = storage.spaces.get(spaceId);
      if (space)
        ids.push(
          ...storage.dataFiles
            .inFolders([files.connectionOf({ spaceId, ownerId: space.ownerId }).folder])
            .map((row) => row.id),
        );
    }
    const data = [];
    for (const id of ids) data.push(await outcome(id, () => files.delete(call.principal, id)));
    return call.reply.code(207).send({ data });
  });

  routes.add('data-files.listDataFilesConnections', (args, call) => {
    const connections = files
      .connections(call.principal)
      .filter((connection) => (args.personal ? connection.spaceId === null : true))
      .filter((connection) => !args.spaceId || connection.spaceId === args.spaceId)
      .filter(
        (connection) =>
          !args.name || connection.qualifiedName === args.name || args.name === 'DataFiles',
      );
    const page = pageArray(connections, args.limit ?? 20, args.page ?? undefined);
    return { data: page.items.map(toConnection), links: pageLinks(call, page) };
  });

  routes.add('data-files.getDataFilesConnection', ({ id }, call) => {
    const connection = files.connections(call.principal).find((candidate) => candidate.id === id);
    if (!connection) throw ApiError.notFound(`Connection ${id} not found`, 'DATAFILES-404');
    return toConnection(connection);
  });

  routes.add('data-files.getDataFilesQuotas', (_args, call) => ({
    size: storage.dataFiles.sizeOwnedBy(call.principal.user.id),
    maxSize: files.quota,
    maxFileSize: maxFileSize,
    maxLargeFileSize: maxFileSize,
    allowedExtensions: ALLOWED_EXTENSIONS,
    allowedInternalExtensions: ['.qvd', '.parquet'],
  }));

  function spaceTarget(spaceId: string | null, call: AuthenticatedCall) {
    if (!spaceId) return { spaceId: null, ownerId: call.principal.user.id };
    const space = storage.spaces.get(spaceId);
    if (!space) throw ApiError.badRequest(`Space ${spaceId} not found`, 'DATAFILES-400');
    return { spaceId, ownerId: space.ownerId };
  }
}

/** The data-files service's links: every one present, `href` null where there is no such page. */
function pageLinks(call: AuthenticatedCall, page: { next?: string; prev?: string }) {
  const links = cursorLinks(call, page, { next: 'page', prev: 'page' });
  return {
    self: links.self,
    next: { href: links.next?.href ?? null },
    prev: { href: links.prev?.href ?? null },
  };
}

function toConnection(connection: DataFilesConnection) {
  return {
    id: connection.id,
    name: 'DataFiles',
    type: 'qix-datafiles.exe',
    spaceId: connection.spaceId,
    connectStatement: `CUSTOM CONNECT TO "provider=qix-datafiles.exe;path=${connection.qualifiedName};"`,
  };
}

/** One item of a 207 multi-status answer. */
async function outcome(
  id: string,
  work: () => Promise<unknown>,
): Promise<{ id: string; code: string; status: number; title?: string; detail?: string }> {
  try {
    await work();
    return { id, code: 'HTTP-200', status: 200 };
  } catch (error) {
    const apiError =
      error instanceof ApiError
        ? error
        : new ApiError(500, 'HTTP-500', 'Internal Server Error', String(error));
    return {
      id,
      code: apiError.code,
      status: apiError.status,
      title: apiError.title,
      detail: apiError.detail,
    };
  }
}

function sortFiles(rows: DataFileRow[], sort: string): void {
  const key = sort.replace(/^[+-]/, '');
  const value = (row: DataFileRow): string | number =>
    key === 'size'
      ? row.size
      : key === 'modifiedDate'
        ? row.updatedAt
        : key === 'baseName'
          ? row.name.slice(row.name.lastIndexOf('/') + 1).toLowerCase()
          : row.name.toLowerCase();
  rows.sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0));
  if (sort.startsWith('-')) rows.reverse();
}
