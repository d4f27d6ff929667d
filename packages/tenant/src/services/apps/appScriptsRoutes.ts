import type { DataModelMetadata } from '@qlikit/rest/services/apps';
import { ApiError } from '../../server/ApiError.js';
import type { RouteTable } from '../../routes/RouteTable.js';
import { link } from '../links.js';
import type { TenantContext } from '../TenantContext.js';
import type { AppService } from './AppService.js';

/**
 * The parts of the apps service about what is inside an app: script versions
 * (`/scripts`), reload logs, and the data model's metadata.
 */
export function appScriptsRoutes(
  routes: RouteTable,
  context: TenantContext,
  apps: AppService,
): void {
  const { storage, engineApps } = context;

  routes.add('apps.getAppScripts', ({ appId }, call) => {
    const app = apps.authorized(call.principal, appId, 'read');
    return {
      scripts: storage.scriptVersions.ofApp(app.id).map((version) => ({
        scriptId: version.id,
        versionMessage: version.versionMessage,
        modifierId: version.modifierId,
        modifiedTime: version.updatedAt,
        size: Buffer.byteLength(version.script),
      })),
      privileges: context.policy.appPrivileges(call.principal, app),
    };
  });

  routes.add('apps.createAppScript', async ({ appId, body }, call) => {
    const app = apps.authorized(call.principal, appId, 'reload');
    const script = body?.script;
    if (typeof script !== 'string') throw ApiError.badRequest('script is required', 'APP-400');
    await apps.setScript(app.id, script);
    const version = storage.scriptVersions.create({
      appId: app.id,
      script,
      versionMessage: body?.versionMessage ?? '',
      modifierId: call.principal.user.id,
    });
    return call.reply.code(200).send({ scriptId: version.id });
  });

  routes.add('apps.getAppScript', async ({ appId, id }, call) => {
    const app = apps.authorized(call.principal, appId, 'read');
    if (id === 'current')
      return { script: (await engineApps.get(app.id)).document.script, versionMessage: '' };
    const version = storage.scriptVersions.get(app.id, id);
    if (!version) throw ApiError.notFound(`Script version ${id} not found`, 'APP-404');
    return { script: version.script, versionMessage: version.versionMessage };
  });

  routes.add('apps.patchAppScript', ({ appId, id, body }, call) => {
    const app = apps.authorized(call.principal, appId, 'reload');
    for (const patch of body ?? []) {
      // The spec spells NxPatch's members Op/Path/Value; clients also send them lower-case.
      const {
        Path: path = (patch as { path?: string }).path,
        Value: value = (patch as { value?: unknown }).value,
      } = patch;
      if (path !== '/versionMessage')
        throw ApiError.badRequest(`Patching ${path} is not supported`, 'APP-400');
      if (!storage.scriptVersions.describe(app.id, id, String(value ?? '')))
        throw ApiError.notFound(`Script version ${id} not found`, 'APP-404');
    }
    return undefined;
  });

  routes.add('apps.deleteAppScript', ({ appId, id }, call) => {
    const app = apps.authorized(call.principal, appId, 'reload');
    if (!storage.scriptVersions.delete(app.id, id))
      throw ApiError.notFound(`Script version ${id} not found`, 'APP-404');
    return undefined;
  });

  routes.add('apps.listAppReloadsLogs', ({ appId }, call) => {
    const app = apps.authorized(call.principal, appId, 'read');
    const { rows } = storage.reloads.page({ appId: app.id, limit: 100, ascending: false });
    return {
      data: rows
        .filter((row) => row.endedAt !== null)
        .map((row) => ({
          reloadId: row.id,
          success: row.status === 'SUCCEEDED',
          endTime: row.endedAt!,
          duration: row.startedAt ? Date.parse(row.endedAt!) - Date.parse(row.startedAt) : 0,
          links: { log: link(call, `/api/v1/apps/${app.id}/reloads/logs/${row.id}`).href },
        })),
    };
  });

  routes.add('apps.getAppReloadsLog', ({ appId, reloadId }, call) => {
    const app = apps.authorized(call.principal, appId, 'read');
    const row = storage.reloads.get(reloadId);
    if (!row || row.appId !== app.id)
      throw ApiError.notFound(`Reload ${reloadId} not found`, 'APP-404');
    return call.reply.type('text/plain; charset=utf-8').send(row.log);
  });

  routes.add('apps.getAppDataMetadata', async ({ appId }, call) => {
    const app = apps.authorized(call.principal, appId, 'read');
    const engineApp = await engineApps.get(app.id);
    const model = engineApp.dataModel;
    const metadata: DataModelMetadata = {
      usage: app.usage as DataModelMetadata['usage'],
      has_section_access: engineApp.hasSectionAccess,
      is_direct_query_mode: false,
      fields: model.fields.map((field) => ({
        name: field.name,
        cardinal: field.cardinality,
        tags: [...field.tags],
        src_tables: field.tableIndexes.map((index) => model.tables[index]!.name),
        is_hidden: field.isHidden,
        is_system: false,
        is_semantic: false,
        is_locked: false,
        distinct_only: false,
        always_one_selected: false,
        total_count: field.tableIndexes.reduce(
          (sum, index) => sum + model.tables[index]!.rowCount,
          0,
        ),
      })),
      tables: model.tables.map((table) => ({
        name: table.name,
        no_of_rows: table.rowCount,
        no_of_fields: table.fields.length,
        no_of_key_fields: table.keyFields.length,
        is_loose: false,
        is_system: false,
        is_semantic: false,
      })),
    };
    return metadata;
  });
}
