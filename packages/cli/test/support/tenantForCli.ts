import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { openSession } from '@qlikit/qix';
import { createClient, type QlikClient } from '@qlikit/rest';
import { startTenant } from '@qlikit/tenant';
import { buildSalesApp } from './salesApp.js';
import { runCli, type CliRun } from './runCli.js';

/** A tenant with the sales app, a config dir whose current context points at it, and a CLI runner. */
export interface TenantForCli {
  readonly url: string;
  readonly apiKey: string;
  readonly appId: string;
  readonly dir: string;
  /** A REST client of the admin, to arrange and check state beside the CLI. */
  readonly client: QlikClient;
  cli(args: readonly string[], options?: { readonly input?: string }): Promise<CliRun>;
  close(): Promise<void>;
}

/** Starts a tenant on a temp data dir, builds the sales app through its engine and makes a context for it. */
export async function startTenantForCli(): Promise<TenantForCli> {
  const dir = await mkdtemp(join(tmpdir(), 'qlikit-cli-tenant-'));
  // Tests create more than a minute's worth of some operations; the rate limits have tests of their own.
  const tenant = await startTenant({ port: 0, dataDir: join(dir, 'data'), rateLimit: false });
  const apiKey = tenant.admin.apiKey;
  const client = createClient({ host: tenant.url, auth: apiKey, rateLimit: false });
  const app = await client.apps.create({ body: { attributes: { name: 'Sales' } } });
  const appId = app.attributes!.id!;
  const session = openSession({
    url: `${tenant.url.replace(/^http/, 'ws')}/app/${appId}`,
    reconnect: false,
    createSocket: (url) =>
      new WebSocket(url, { headers: { authorization: `Bearer ${apiKey}` } }) as never,
  });
  await buildSalesApp(await (await session.open()).openDoc(appId));
  await session.close();
  const configDir = join(dir, 'config');
  const cli = (args: readonly string[], options: { readonly input?: string } = {}) =>
    runCli(args, { configDir, cwd: dir, input: options.input });
  const created = await cli([
    'context',
    'create',
    'local',
    '--server',
    tenant.url,
    '--api-key',
    apiKey,
  ]);
  if (created.code !== 0) throw new Error(created.stderr);
  return {
    url: tenant.url,
    apiKey,
    appId,
    dir,
    client,
    cli,
    async close() {
      await tenant.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
