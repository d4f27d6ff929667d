import type { ItemResource } from '../items/itemsRoutes.js';
import type { TenantContext } from '../TenantContext.js';
import type { AppService } from './AppService.js';
import { appAttributes } from './toNxApp.js';

/** Apps as the items service lists them. */
export function appItems(context: TenantContext, apps: AppService): ItemResource {
  const { storage, policy } = context;
  return {
    type: 'app',
    visibleWith: 'open',
    view: (principal, item) => {
      const app = storage.apps.get(item.resourceId);
      if (!app) return { actions: [], attributes: {} };
      return {
        actions: policy.appPrivileges(principal, app),
        attributes: { ...appAttributes(app, storage.users.subjectOf(app.ownerId)) },
      };
    },
    update: async (principal, item, changes) => {
      await apps.updateAttributes(principal, item.resourceId, changes);
    },
    delete: (principal, item) => apps.delete(principal, item.resourceId),
  };
}
