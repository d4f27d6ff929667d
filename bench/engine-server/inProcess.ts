// Development aid for bench/engine-server: the engine's own CPU per op with
// no sockets. 1,000 sessions of the flights demo (EngineConnection each, the
// same dispatcher, app store and result cache as a server) receive the
// bench's frames (SelectValues, then GetLayout, delta on) as text, and their
// answers are dropped. What it prints is the engine's part of the server
// bench's "engine CPU/op"; the rest is WebSocket framing and the kernel.
// Run: node --max-semi-space-size=64 --conditions=source --import tsx bench/engine-server/inProcess.ts [--no-cache]
// (BENCH_ENGINE=dist: the built engine; it also prints the heap bytes allocated per op and
// what the scavenges kept, `allocation.ts`)
// (BENCH_OPS=<n> ops per session per round, 20 by default: 4 keeps a --no-cache run short;
// BENCH_SESSIONS=<n> sessions, 1,000 by default: fewer show what the per-session memory
// that is cold by a session's next click costs; BENCH_PROF=<file> profiles the measured rounds).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { qixSchema } from '@qlikit/qix';
import type * as AppStoreModule from '../../packages/engine/src/app/AppStore.js';
import type * as IndexModule from '../../packages/engine/src/index.js';
import type * as DispatcherModule from '../../packages/engine/src/server/dispatch/MethodDispatcher.js';
import type * as MethodsModule from '../../packages/engine/src/server/handlers/engineMethods.js';
import type * as LimitsModule from '../../packages/engine/src/server/protocol/RequestLimits.js';
import type * as RegistryModule from '../../packages/engine/src/server/session/SessionRegistry.js';
import type * as UrlModule from '../../packages/engine/src/server/protocol/parseEngineUrl.js';
import type * as ConnectionModule from '../../packages/engine/src/server/connection/EngineConnection.js';
import { measureAllocation, type Allocation } from './allocation.js';
import { profileRound } from './roundProfiler.js';
import { median } from './stats.js';
import { CUBE, originFor } from './workload.js';

// BENCH_ENGINE=dist runs the built engine (packages/engine/dist, after `npm run build`), as
// the server bench's engines do with it; otherwise its sources.
const build = process.env.BENCH_ENGINE === 'dist' ? 'dist' : 'src';
const engine = (path: string): Promise<unknown> =>
  import(new URL(`../../packages/engine/${build}/${path}`, import.meta.url).href);
const { AppStore } = (await engine('app/AppStore.js')) as typeof AppStoreModule;
const { seedDemoApps } = (await engine('index.js')) as typeof IndexModule;
const { MethodDispatcher } = (await engine(
  'server/dispatch/MethodDispatcher.js',
)) as typeof DispatcherModule;
const { engineMethods } = (await engine(
  'server/handlers/engineMethods.js',
)) as typeof MethodsModule;
const { DEFAULT_LIMITS } = (await engine(
  'server/protocol/RequestLimits.js',
)) as typeof LimitsModule;
const { SessionRegistry } = (await engine(
  'server/session/SessionRegistry.js',
)) as typeof RegistryModule;
const { parseEngineUrl } = (await engine('server/protocol/parseEngineUrl.js')) as typeof UrlModule;
const { EngineConnection } = (await engine(
  'server/connection/EngineConnection.js',
)) as typeof ConnectionModule;

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 1000);
const OPS = Number(process.env.BENCH_OPS ?? 20);
const ROUNDS = 8;
const require = createRequire(import.meta.url);
const apps = new AppStore(await mkdtemp(join(tmpdir(), 'qlikit-bench-inprocess-')));
await apps.init();
if (process.argv.includes('--no-cache')) apps.results.configure({ enabled: false });
await seedDemoApps(apps, join(dirname(require.resolve('vega-datasets')), '..', 'data'));
await apps.get('flights');
const dispatcher = new MethodDispatcher(qixSchema, engineMethods(apps));
const sessions = new SessionRegistry(DEFAULT_LIMITS);
let bytes = 0;
const sink = {
  send: (text: string) => {
    bytes += text.length;
  },
  close() {},
};
const connections = Array.from({ length: SESSIONS }, (_, i) => {
  const { session } = sessions.attach(parseEngineUrl(`/app/flights/identity/bench-${i}`), {
    userId: `bench-${i}`,
  });
  const connection = new EngineConnection(sink, session, dispatcher, DEFAULT_LIMITS, (error) =>
    console.error(error),
  );
  session.sockets.add(connection);
  return connection;
});
let id = 0;
const frame = (handle: number, method: string, params: unknown[]) =>
  JSON.stringify({ jsonrpc: '2.0', id: ++id, method, handle, params, delta: true });
for (const connection of connections) {
  await connection.receive(frame(-1, 'OpenDoc', ['flights']));
  await connection.receive(frame(1, 'CreateSessionObject', [CUBE]));
  await connection.receive(frame(1, 'GetField', ['Origin']));
  await connection.receive(frame(2, 'GetLayout', []));
}
const perOp: number[] = [];
const allocations: Allocation[] = [];
// BENCH_PROF=<file> writes a CPU profile of the measured rounds (not of the set-up) there.
const profileFile = process.env.BENCH_PROF;
if (profileFile) await profileRound({ type: 'profile-start' });
for (let round = 0; round < ROUNDS; round++) {
  const cpu = process.cpuUsage();
  bytes = 0;
  allocations.push(
    await measureAllocation(async () => {
      for (let op = 0; op < OPS; op++) {
        await Promise.all(
          connections.map(async (connection, i) => {
            const origin = originFor(i, op, round);
            await connection.receive(frame(3, 'SelectValues', [[{ qText: origin }], false, false]));
            await connection.receive(frame(2, 'GetLayout', []));
          }),
        );
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  perOp.push((used.user + used.system) / (SESSIONS * OPS));
}
const ops = SESSIONS * OPS;
const kib = (n: number) => (n / 1024).toFixed(1);
const each = (pick: (a: Allocation) => number) => median(allocations.map(pick));
if (profileFile) await profileRound({ type: 'profile-stop', file: profileFile });
console.log(
  `engine in process, ${SESSIONS} sessions, cache ${process.argv.includes('--no-cache') ? 'off' : 'on'}: ` +
    `${median(perOp).toFixed(1)} [${Math.min(...perOp).toFixed(1)}–${Math.max(...perOp).toFixed(1)}] µs CPU per select+layout op ` +
    `(median [min–max] of ${ROUNDS} rounds), ${(bytes / (SESSIONS * OPS)).toFixed(0)} bytes of answers per op`,
);
console.log(
  `  heap: ${kib(each((a) => a.bytes / ops))} KiB allocated per op, ` +
    `${each((a) => (a.scavenges * 10_000) / ops).toFixed(1)} scavenges per 10,000 ops ` +
    `(${kib(each((a) => a.survivedPerScavenge))} KiB survived, ${kib(each((a) => a.promotedPerScavenge))} KiB promoted a scavenge), ` +
    `${each((a) => a.fullCollections)} full collections a round (medians of the rounds; engine ${build})`,
);
