import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppStore, startEngine } from '@qlikit/engine';
import { AccessPolicy } from './access/AccessPolicy.js';
import { Authenticator } from './auth/Authenticator.js';
import { TokenSigner } from './auth/TokenSigner.js';
import { appDataFiles } from './engine/appDataFiles.js';
import { engineAuthenticate } from './engine/engineIdentity.js';
import { DataFileFolders } from './files/DataFileFolders.js';
import { TempContentStore } from './files/TempContentStore.js';
import { UploadSpool } from './files/UploadSpool.js';
import { TenantEvents } from './events/TenantEvents.js';
import { ReloadQueue } from './jobs/ReloadQueue.js';
import { ReloadTaskScheduler } from './jobs/ReloadTaskScheduler.js';
import { WebhookDispatcher } from './jobs/WebhookDispatcher.js';
import { recordAudits } from './events/recordAudits.js';
import { AppService } from './services/apps/AppService.js';
import { AppTransfer } from './services/apps/AppTransfer.js';
import { DataFileService } from './services/data-files/DataFileService.js';
import { SessionService } from './services/sessions/SessionService.js';
import { registerRoutes } from './routes/registerRoutes.js';
import { RouteTable } from './routes/RouteTable.js';
import { allowOrigins } from './server/corsHook.js';
import { createServer } from './server/createServer.js';
import { productInfo } from './server/productInfo.js';
import { RateLimiter } from './server/RateLimiter.js';
import type { TenantContext } from './services/TenantContext.js';
import { tenantRoutes } from './services/tenantRoutes.js';
import { newId } from './storage/newId.js';
import { reconcileApps } from './storage/reconcileApps.js';
import { Storage } from './storage/Storage.js';
import { bootstrapAdmin, type Bootstrap } from './bootstrapAdmin.js';
import type { StartTenantOptions } from './TenantOptions.js';

/** A running tenant. */
export interface RunningTenant {
  /** `http://host:port`: the REST API under `/api/v1`, the engine on `ws://host:port/app/<id>`. */
  readonly url: string;
  readonly port: number;
  readonly tenantId: string;
  /** The admin user created on first start, and a fresh API key for it. */
  readonly admin: Bootstrap;
  /** The services' shared state (storage, access rules, the engine's apps). */
  readonly context: TenantContext;
  /** Live engine sessions. */
  readonly engineSessions: () => number;
  /** Stops the server, the engine and the jobs, and closes the database. */
  close(): Promise<void>;
}

const VERSION = '0.1.0';

/** Starts a local Qlik Cloud tenant: REST API, engine socket and storage on one port. */
export async function startTenant(options: StartTenantOptions): Promise<RunningTenant> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const storage = Storage.open(join(dataDir, 'tenant.db'));
  const settings = storage.settings;
  const tenantId = settings.getOrCreate('tenantId', () => randomBytes(16).toString('base64url'));
  const signer = new TokenSigner(
    settings.getOrCreate('signingKey', TokenSigner.generateKey),
    settings.getOrCreate('signingKeyId', newId),
  );
  const cookieSecret = settings.getOrCreate('cookieSecret', () =>
    randomBytes(32).toString('base64url'),
  );
  const uploadLimit = options.limits?.upload ?? 2 * 1024 * 1024 * 1024;
  const spool = new UploadSpool(join(dataDir, 'uploads'), uploadLimit);
  await spool.init();
  const tempContents = new TempContentStore(storage.tempContents, join(dataDir, 'temp'));
  await tempContents.reconcile();
  const folders = new DataFileFolders(join(dataDir, 'files'));
  const policy = new AccessPolicy(storage.spaces);
  // The engine's apps read their space's data files.
  const engineApps = new AppStore(join(dataDir, 'engine'), {
    dataFiles: (app) => appDataFiles({ storage, policy, folders }, app.id),
  });
  await engineApps.init();
  await reconcileApps(storage, engineApps.appsDir);

  const authenticator = new Authenticator(
    storage.users,
    storage.groups,
    storage.apiKeys,
    storage.sessions,
    storage.oauthTokens,
    signer,
    cookieSecret,
  );
  const context: TenantContext = {
    tenantId,
    storage,
    policy,
    engineApps,
    signer,
    authenticator,
    cookieSecret,
    dataDir,
    spool,
    folders,
    tempContents,
    events: new TenantEvents(),
  };
  const files = new DataFileService(context, options.limits?.dataFiles);
  await files.reconcile();
  const reloads = new ReloadQueue(context, files, { concurrency: options.reloadConcurrency });
  const scheduler = new ReloadTaskScheduler(context, reloads);
  const webhooks = new WebhookDispatcher(context, options.webhooks);
  const stopAudits = recordAudits(context.events, context);
  const sweeper = setInterval(() => void tempContents.sweep(), 60_000);
  sweeper.unref();
  const admin = bootstrapAdmin(context);

  const fastify = createServer({
    bodyLimit: options.limits?.jsonBody ?? 10 * 1024 * 1024,
    logger: options.logger,
  });
  allowOrigins(fastify, options.corsOrigins ?? []);
  const routes = new RouteTable();
  const apps = new AppService(context);
  tenantRoutes(routes, context, {
    apps,
    transfer: new AppTransfer(context, apps),
    files,
    sessions: new SessionService(context),
    reloads,
    scheduler,
    webhooks,
    uploadLimit,
  });
  await registerRoutes(fastify, routes, {
    authenticator,
    rateLimiter: options.rateLimit === false ? null : new RateLimiter(options.rateLimit),
  });
  productInfo(fastify, VERSION);
  for (const extra of options.plugins ?? [])
    await fastify.register(extra.plugin, extra.options ?? {});

  const engine = await startEngine({
    server: fastify.server,
    dataDir: engineApps.dataDir,
    apps: engineApps,
    authenticate: engineAuthenticate(authenticator, policy, storage, tenantId, options.corsOrigins),
  });
  const host = options.host ?? '127.0.0.1';
  await fastify.listen({ port: options.port ?? 0, host });
  reloads.start();
  scheduler.start();
  webhooks.start();
  const port = engine.port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    tenantId,
    admin,
    context,
    engineSessions: engine.sessionCount,
    async close() {
      clearInterval(sweeper);
      scheduler.close();
      stopAudits();
      await reloads.close();
      await webhooks.close();
      await engine.close();
      await fastify.close();
      storage.close();
    },
  };
}
