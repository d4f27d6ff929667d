import type { GetByIDResult } from '@qlikit/rest/services/audits';
import { ApiError } from '../../server/ApiError.js';
import type { Call, RouteTable } from '../../routes/RouteTable.js';
import type { AuditRow } from '../../storage/AuditsTable.js';
import { cursorLinks, link } from '../links.js';
import type { TenantContext } from '../TenantContext.js';
import { requireAdmin } from '../users/usersRoutes.js';

/** How long audit records are kept, in days, as the settings report it. */
const EVENT_TTL_DAYS = 90;

/** The audits service (tenant admins): the log of system events, filtered and paged. */
export function auditsRoutes(routes: RouteTable, context: TenantContext): void {
  const { storage, tenantId } = context;

  const show = (row: AuditRow, call: Call): GetByIDResult => {
    const { ownerId, ...data } = row.data as Record<string, unknown> & { ownerId?: string };
    return {
      id: row.id,
      eventId: row.id,
      eventType: row.eventType,
      eventTime: row.eventTime,
      eventTypeVersion: '1.0.0',
      source: row.source,
      contentType: 'application/json',
      tenantId,
      userId: row.userId,
      data,
      extensions: {
        actor: { sub: row.userId, subType: 'user' },
        topLevelResourceId: row.resourceId,
        ...(row.spaceId ? { spaceId: row.spaceId } : {}),
        ...(ownerId ? { ownerId } : {}),
      },
      links: { self: link(call, `/api/v1/audits/${row.id}`) },
    };
  };

  routes.add('audits.listAudits', (args, call) => {
    requireAdmin(call.principal);
    const sort = args.sort ?? '-eventTime';
    if (!/^[+-]?eventTime$/.test(sort))
      throw ApiError.badRequest(
        `Sorting audits by ${sort} is not supported (eventTime only)`,
        'AUDITS-400',
      );
    let from: string | undefined;
    let to: string | undefined;
    if (args.eventTime) {
      [from, to] = args.eventTime.split('/');
      if (!from || !to || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to)))
        throw ApiError.badRequest('eventTime is start/end in ISO 8601', 'AUDITS-400');
      from = new Date(from).toISOString();
      to = new Date(to).toISOString();
    }
    const page = storage.audits.page({
      limit: args.limit ?? 10,
      ascending: !sort.startsWith('-'),
      next: args.next,
      eventType: args.eventType,
      source: args.source,
      userId: args.userId,
      id: args.id,
      from,
      to,
    });
    return {
      data: page.rows.map((row) => show(row, call)),
      links: cursorLinks(call, { next: page.next }),
    };
  });

  routes.add('audits.getAudit', ({ id }, call) => {
    requireAdmin(call.principal);
    const row = storage.audits.get(id);
    if (!row) throw ApiError.notFound(`Audit ${id} not found`, 'AUDITS-404');
    return show(row, call);
  });

  routes.add('audits.listAuditsTypes', (_args, call) => {
    requireAdmin(call.principal);
    return {
      data: storage.audits.distinct('event_type'),
      links: { self: link(call, call.request.url) },
    };
  });

  routes.add('audits.listAuditsSources', (_args, call) => {
    requireAdmin(call.principal);
    return {
      data: storage.audits.distinct('source'),
      links: { self: link(call, call.request.url) },
    };
  });

  routes.add('audits.getAuditsSettings', (_args, call) => {
    requireAdmin(call.principal);
    return { data: { EventTTL: EVENT_TTL_DAYS, ArchiveEnabled: false } };
  });
}
