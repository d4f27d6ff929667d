import type { Principal } from '../../auth/Principal.js';
import { checkTempContentName } from '../../files/dataFileName.js';
import { sendFile } from '../../files/sendFile.js';
import { ApiError } from '../../server/ApiError.js';
import type { RouteTable } from '../../routes/RouteTable.js';
import type { TempContentRow } from '../../storage/TempContentsTable.js';
import type { TenantContext } from '../TenantContext.js';

/** The temp-contents service: upload a file (streamed to disk), download it while it lives, its details. */
export function tempContentsRoutes(routes: RouteTable, context: TenantContext): void {
  const { spool, tempContents } = context;

  /** The caller's temp content that has not expired: 404 when it is not the caller's, 410 when it expired. */
  const live = (id: string, principal: Principal): TempContentRow => {
    const row = /^[0-9a-f]{24}$/.test(id) ? tempContents.get(id) : undefined;
    if (!row || (row.creatorId !== principal.user.id && !principal.isAdmin))
      throw ApiError.notFound(`Temporary content ${id} not found`, 'TEMPCONTENTS-404');
    if (row.expiresAt <= new Date().toISOString())
      throw new ApiError(410, 'TEMPCONTENTS-410', 'Gone', `Temporary content ${id} has expired`);
    return row;
  };

  routes.add(
    'temp-contents.createTempContent',
    async (args, call) => {
      // Refused before a byte is read: the name could only be a mistake or an attack.
      const name = checkTempContentName(args.filename ?? 'upload');
      const file = await spool.spool(call.request.raw);
      const row = await tempContents.put(file, name, call.principal.user.id, args.ttl);
      return call.reply.code(201).header('location', `/api/v1/temp-contents/${row.id}`).send();
    },
    { rawBody: true },
  );

  routes.add('temp-contents.getTempContent', ({ id, inline }, call) => {
    const row = live(id, call.principal);
    return sendFile(call.reply, {
      path: tempContents.pathOf(row.id),
      size: row.size,
      name: row.name,
      inline: inline === '1' || inline === 'true',
      range: call.request.headers.range,
    });
  });

  routes.add('temp-contents.getTempContentDetails', ({ id }, call) => {
    const row = live(id, call.principal);
    return {
      ID: row.id,
      Name: row.name,
      Size: String(row.size),
      CreatorID: row.creatorId,
      CreatedAt: row.createdAt,
      UpdatedAt: row.createdAt,
      Expires: row.expiresAt,
      TTLSeconds: Math.round((Date.parse(row.expiresAt) - Date.parse(row.createdAt)) / 1000),
    };
  });
}
