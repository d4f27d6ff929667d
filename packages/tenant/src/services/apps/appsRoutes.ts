import type { AuthenticatedCall, RouteTable } from '../../routes/RouteTable.js';
import type { AppRow } from '../../storage/AppsTable.js';
import type { TenantContext } from '../TenantContext.js';
import type { AppService } from './AppService.js';
import { toNxApp } from './toNxApp.js';

/** The apps service: create, get, update attributes, copy, delete. */
export function appsRoutes(routes: RouteTable, context: TenantContext, apps: AppService): void {
  const show = (app: AppRow, call: AuthenticatedCall) =>
    toNxApp(
      app,
      context.storage.users.get(app.ownerId),
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
}
