import type { ReloadQueue } from '../jobs/ReloadQueue.js';
import type { ReloadTaskScheduler } from '../jobs/ReloadTaskScheduler.js';
import type { WebhookDispatcher } from '../jobs/WebhookDispatcher.js';
import { auditsRoutes } from './audits/auditsRoutes.js';
import { reloadTasksRoutes } from './reload-tasks/reloadTasksRoutes.js';
import { webhooksRoutes } from './webhooks/webhooksRoutes.js';
import type { RouteTable } from '../routes/RouteTable.js';
import { apiKeysRoutes } from './api-keys/apiKeysRoutes.js';
import type { AppService } from './apps/AppService.js';
import type { AppTransfer } from './apps/AppTransfer.js';
import { appItems } from './apps/appItems.js';
import { appScriptsRoutes } from './apps/appScriptsRoutes.js';
import { appsRoutes } from './apps/appsRoutes.js';
import type { DataFileService } from './data-files/DataFileService.js';
import { dataFileItems } from './data-files/dataFileItems.js';
import { dataFilesRoutes } from './data-files/dataFilesRoutes.js';
import { groupsRoutes } from './groups/groupsRoutes.js';
import { itemsRoutes } from './items/itemsRoutes.js';
import { oauthClientsRoutes } from './oauth/oauthClientsRoutes.js';
import { oauthTokenRoutes } from './oauth/oauthTokenRoutes.js';
import { reloadsRoutes } from './reloads/reloadsRoutes.js';
import type { SessionService } from './sessions/SessionService.js';
import { sessionRoutes } from './sessions/sessionRoutes.js';
import { spacesRoutes } from './spaces/spacesRoutes.js';
import { tempContentsRoutes } from './temp-contents/tempContentsRoutes.js';
import type { TenantContext } from './TenantContext.js';
import { usersRoutes } from './users/usersRoutes.js';

/** The domain services the routes call, built once per tenant. */
export interface TenantServices {
  readonly apps: AppService;
  readonly transfer: AppTransfer;
  readonly files: DataFileService;
  readonly sessions: SessionService;
  readonly reloads: ReloadQueue;
  readonly scheduler: ReloadTaskScheduler;
  readonly webhooks: WebhookDispatcher;
  /** Largest upload, in bytes. */
  readonly uploadLimit: number;
}

/** Every service's routes on one table: the operations the tenant implements. */
export function tenantRoutes(
  routes: RouteTable,
  context: TenantContext,
  services: TenantServices,
): void {
  const { apps, files, sessions, reloads } = services;
  usersRoutes(routes, context);
  apiKeysRoutes(routes, context);
  groupsRoutes(routes, context);
  oauthClientsRoutes(routes, context);
  oauthTokenRoutes(routes, context);
  spacesRoutes(routes, context);
  appsRoutes(routes, context, apps, services.transfer);
  appScriptsRoutes(routes, context, apps);
  reloadsRoutes(routes, context, apps, reloads);
  reloadTasksRoutes(routes, context, apps, services.scheduler);
  webhooksRoutes(routes, context, services.webhooks);
  auditsRoutes(routes, context);
  itemsRoutes(routes, context, [appItems(context, apps), dataFileItems(context, files)]);
  dataFilesRoutes(routes, context, files, services.uploadLimit);
  tempContentsRoutes(routes, context);
  sessionRoutes(routes, context, sessions);
}
