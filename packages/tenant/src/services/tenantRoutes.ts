import type { RouteTable } from '../routes/RouteTable.js';
import { apiKeysRoutes } from './api-keys/apiKeysRoutes.js';
import { groupsRoutes } from './groups/groupsRoutes.js';
import { oauthClientsRoutes } from './oauth/oauthClientsRoutes.js';
import { oauthTokenRoutes } from './oauth/oauthTokenRoutes.js';
import { AppService } from './apps/AppService.js';
import { DataFileService } from './data-files/DataFileService.js';
import { dataFileItems } from './data-files/dataFileItems.js';
import { dataFilesRoutes } from './data-files/dataFilesRoutes.js';
import { tempContentsRoutes } from './temp-contents/tempContentsRoutes.js';
import { appItems } from './apps/appItems.js';
import { appsRoutes } from './apps/appsRoutes.js';
import { itemsRoutes } from './items/itemsRoutes.js';
import { SessionService } from './sessions/SessionService.js';
import { sessionRoutes } from './sessions/sessionRoutes.js';
import { spacesRoutes } from './spaces/spacesRoutes.js';
import type { TenantContext } from './TenantContext.js';
import { usersRoutes } from './users/usersRoutes.js';

/** Size limits the services enforce, in bytes. */
export interface TenantLimits {
  readonly upload: number;
}

/** Every service's routes on one table: the operations the tenant implements. */
export function tenantRoutes(
  routes: RouteTable,
  context: TenantContext,
  limits: TenantLimits,
): void {
  const apps = new AppService(context);
  const files = new DataFileService(context);
  const sessions = new SessionService(context);
  usersRoutes(routes, context);
  apiKeysRoutes(routes, context);
  groupsRoutes(routes, context);
  oauthClientsRoutes(routes, context);
  oauthTokenRoutes(routes, context);
  spacesRoutes(routes, context);
  appsRoutes(routes, context, apps);
  itemsRoutes(routes, context, [appItems(context, apps), dataFileItems(context, files)]);
  dataFilesRoutes(routes, context, files, limits.upload);
  tempContentsRoutes(routes, context);
  sessionRoutes(routes, context, sessions);
}
