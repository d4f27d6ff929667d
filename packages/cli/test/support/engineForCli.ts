import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine } from '@qlikit/engine';
import { openSession } from '@qlikit/qix';
import { buildSalesApp } from './salesApp.js';
import { runCli, type CliRun } from './runCli.js';

/** A bare engine with the sales app, a config dir whose current context points at it, and a CLI runner. */
export interface EngineForCli {
  readonly url: string;
  readonly appId: string;
  readonly dir: string;
  cli(args: readonly string[], options?: { readonly input?: string }): Promise<CliRun>;
  close(): Promise<void>;
}

/** Starts an engine on a temp data dir, builds the sales app in it and makes a context for it. */
export async function startEngineForCli(): Promise<EngineForCli> {
  const dir = await mkdtemp(join(tmpdir(), 'qlikit-cli-engine-'));
  const engine = await startEngine({ port: 0, dataDir: join(dir, 'data') });
  const session = openSession({ url: `${engine.url}/app/engineData`, reconnect: false });
  const global = await session.open();
  const { qAppId } = await global.createApp('Sales');
  await buildSalesApp(await global.openDoc(qAppId));
  await session.close();
  const configDir = join(dir, 'config');
  const cli = (args: readonly string[], options: { readonly input?: string } = {}) =>
    runCli(args, { configDir, cwd: dir, input: options.input });
  const created = await cli([
    'context',
    'create',
    'engine',
    '--server',
    engine.url,
    '--server-type',
    'engine',
  ]);
  if (created.code !== 0) throw new Error(created.stderr);
  return {
    url: engine.url,
    appId: qAppId,
    dir,
    cli,
    async close() {
      await engine.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
