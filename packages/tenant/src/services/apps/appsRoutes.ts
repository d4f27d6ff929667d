import type { AuthenticatedCall, RouteTable } from '../../routes/RouteTable.js';
import type { AppRow } from '../../storage/AppsTable.js';
import type { TenantContext } from '../TenantContext.js';
import type { AppService } from './AppService.js';
import type { AppTransfer } from './AppTransfer.js';
import { ApiError } from '../../server/ApiError.js';
import { toNxApp } from './toNxApp.js';

/** The apps service: create, get, update attributes, copy, delete. */
export function appsRoutes(
  routes: RouteTable,
  context: TenantContext,
  apps: AppService,
  transfer: AppTransfer,
): void {
  const show = (app: AppRow, call: AuthenticatedCall) =>
    toNxApp(
      app,
      context.storage.users.subjectOf(app.ownerId),
      context.policy.appPrivileges(call.principal, app),
    );

  routes.add('apps.createApp', async ({ body }, call) => {
    const attributes = body?.attributes ?? {};
    const app = await apps.create(call.principal, {
      name: attributes.name ?? 'Untitled',
      spaceId: attributes.spaceId,
      description: attributes.description,
      usage: attributes.usage,
      locale: attributes.locale,
    });
    return show(app, call);
  });

  routes.add('apps.getApp', ({ appId }, call) =>
    show(apps.authorized(call.principal, appId, 'read'), call),
  );

  routes.add('apps.updateApp', async ({ appId, body }, call) => {
    const app = await apps.updateAttributes(call.principal, appId, body?.attributes ?? {});
    return show(app, call);
  });

  routes.add('apps.copyApp', async ({ appId, body }, call) => {
    const source = apps.find(appId);
    const attributes = body?.attributes ?? {};
    const copy = await apps.copy(call.principal, appId, {
      name: attributes.name ?? source.name,
      spaceId: attributes.spaceId,
      description: attributes.description,
    });
    return show(copy, call);
  });

  routes.add('apps.deleteApp', async ({ appId }, call) => {
    await apps.delete(call.principal, appId);
    return undefined;
  });

  routes.add('apps.exportApp', async ({ appId, NoData }, call) => {
    const row = await transfer.export(call.principal, appId, NoData ?? false);
    return call.reply.code(201).header('location', `/api/v1/temp-contents/${row.id}`).send();
  });

  routes.add(
    'apps.importApps',
    async (args, call) => {
      if (args.appId)
        throw ApiError.badRequest(
          'Importing over an existing app (appId) is not supported; import as a new app',
          'APP-400',
        );
      const source = args.fileId
        ? transfer.tempContentStream(call.principal, args.fileId)
        : call.request.raw;
      const app = await transfer.import(call.principal, source, {
        name: args.name,
        spaceId: args.spaceId,
        fallbackName: args.fallbackName,
      });
      return show(app, call);
    },
    { rawBody: true },
  );

  routes.add('apps.publishApp', async ({ appId, body }, call) => {
    if (body.data === 'target')
      throw ApiError.badRequest(
        "Publishing with the target's data is not supported; publish the source's",
        'APP-400',
      );
    const published = await transfer.publish(call.principal, appId, {
      spaceId: body.spaceId,
      name: body.attributes?.name,
      description: body.attributes?.description,
    });
    return show(published, call);
  });

  routes.add('apps.updateAppPublish', async ({ appId, body }, call) => {
    if (body.data === 'target')
      throw ApiError.badRequest(
        "Republishing with the target's data is not supported; republish the source's",
        'APP-400',
      );
    const republished = await transfer.republish(call.principal, appId, {
      targetId: body.targetId,
      name: body.attributes?.name,
      description: body.attributes?.description,
      checkOriginAppId: body.checkOriginAppId,
    });
    return show(republished, call);
  });

  routes.add('apps.updateAppSpace', ({ appId, body }, call) => {
    if (!body.spaceId) throw ApiError.badRequest('spaceId is required', 'APP-400');
    return show(apps.move(call.principal, appId, body.spaceId), call);
  });

  routes.add('apps.deleteAppSpace', ({ appId }, call) =>
    show(apps.move(call.principal, appId, null), call),
  );

  routes.add('apps.updateAppOwner', ({ appId, body }, call) => {
    if (!body.ownerId) throw ApiError.badRequest('ownerId is required', 'APP-400');
    return show(apps.changeOwner(call.principal, appId, body.ownerId), call);
  });
}
