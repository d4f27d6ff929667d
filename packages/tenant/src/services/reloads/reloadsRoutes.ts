import type { Reload } from '@qlikit/rest/services/reloads';
import type { ReloadQueue } from '../../jobs/ReloadQueue.js';
import { ApiError } from '../../server/ApiError.js';
import type { Call, RouteTable } from '../../routes/RouteTable.js';
import { newId } from '../../storage/newId.js';
import type { ReloadRow } from '../../storage/ReloadsTable.js';
import { cursorLinks, link } from '../links.js';
import type { AppService } from '../apps/AppService.js';
import type { TenantContext } from '../TenantContext.js';

/** A reload as the reloads API answers it; the log only when asked for. */
export function toReload(row: ReloadRow, tenantId: string, call: Call, withLog: boolean): Reload {
  const reload: Reload = {
    id: row.id,
    appId: row.appId,
    tenantId,
    userId: row.userId,
    type: row.type,
    status: row.status,
    partial: row.partial,
    creationTime: row.createdAt,
    links: { self: link(call, `/api/v1/reloads/${row.id}`) },
  };
  if (row.startedAt) reload.startTime = row.startedAt;
  if (row.endedAt) reload.endTime = row.endedAt;
  if (row.engineTime) reload.engineTime = row.engineTime;
  if (row.errorCode) reload.errorCode = row.errorCode;
  if (row.errorMessage) reload.errorMessage = row.errorMessage;
  if (withLog) reload.log = row.log;
  return reload;
}

/** The reloads service: queue a reload, follow its status and log, list an app's, cancel. */
export function reloadsRoutes(
  routes: RouteTable,
  context: TenantContext,
  apps: AppService,
  queue: ReloadQueue,
): void {
  const { storage, tenantId } = context;

  routes.add('reloads.createReload', ({ body }, call) => {
    const app = apps.authorized(call.principal, body.appId, 'reload');
    const row = storage.reloads.create({
      id: newId(),
      appId: app.id,
      userId: call.principal.user.id,
      type: 'external',
      partial: body.partial ?? false,
      variables: body.variables ?? {},
      reloadTaskId: null,
    });
    queue.pump();
    return toReload(row, tenantId, call, false);
  });

  routes.add('reloads.getReload', ({ reloadId }, call) => {
    const row = storage.reloads.get(reloadId);
    if (!row || !storage.apps.get(row.appId))
      throw ApiError.notFound(`Reload ${reloadId} not found`, 'RELOADS-404');
    apps.authorized(call.principal, row.appId, 'read');
    return toReload(row, tenantId, call, true);
  });

  routes.add('reloads.listReloads', (args, call) => {
    // The spec lets a TenantAdmin leave appId out to list every app's reloads.
    if (args.appId) apps.authorized(call.principal, args.appId, 'read');
    else if (!call.principal.isAdmin) throw ApiError.badRequest('appId is required', 'RELOADS-400');
    const sort = args.sort ?? '-creationTime';
    if (!/^[+-]?creationTime$/.test(sort))
      throw ApiError.badRequest(
        `Sorting reloads by ${sort} is not supported (creationTime only)`,
        'RELOADS-400',
      );
    const page = storage.reloads.page({
      appId: args.appId,
      limit: args.limit ?? 10,
      ascending: !sort.startsWith('-'),
      next: args.next,
      partial: args.partial,
    });
    return {
      data: page.rows.map((row) => toReload(row, tenantId, call, args.log ?? false)),
      links: cursorLinks(call, { next: page.next }),
    };
  });

  routes.add('reloads.cancelReload', ({ reloadId }, call) => {
    const row = storage.reloads.get(reloadId);
    if (!row) throw ApiError.notFound(`Reload ${reloadId} not found`, 'RELOADS-404');
    apps.authorized(call.principal, row.appId, 'reload');
    if (!['QUEUED', 'RELOADING', 'CANCELING'].includes(row.status))
      throw ApiError.badRequest(`Reload ${reloadId} has ended (${row.status})`, 'RELOADS-400');
    const after = queue.cancel(reloadId)!;
    if (after.status === 'CANCELED') return call.reply.code(204).send();
    return call.reply.code(202).send({ status: after.status });
  });
}
