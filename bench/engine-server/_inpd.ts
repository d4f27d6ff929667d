// Development aid for bench/engine-server: the engine's own CPU per op with
// no sockets. 1,000 sessions of the flights demo (EngineConnection each, the
// same dispatcher, app store and result cache as a server) receive the
// bench's frames (SelectValues, then GetLayout, delta on) as text, and their
// answers are dropped. What it prints is the engine's part of the server
// bench's "engine CPU/op"; the rest is WebSocket framing and the kernel.
// Run: node --conditions=source --import tsx bench/engine-server/inProcess.ts [--no-cache]
// (BENCH_OPS=<n> ops per session per round, 20 by default: 4 keeps a --no-cache run short;
// BENCH_PROF=<file> profiles the measured rounds).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { qixSchema } from '@qlikit/qix';
import { AppStore } from '../../packages/engine/dist/app/AppStore.js';
import { seedDemoApps } from '../../packages/engine/dist/index.js';
import { MethodDispatcher } from '../../packages/engine/dist/server/dispatch/MethodDispatcher.js';
import { engineMethods } from '../../packages/engine/dist/server/handlers/engineMethods.js';
import { DEFAULT_LIMITS } from '../../packages/engine/dist/server/protocol/RequestLimits.js';
import { SessionRegistry } from '../../packages/engine/dist/server/session/SessionRegistry.js';
import { parseEngineUrl } from '../../packages/engine/dist/server/protocol/parseEngineUrl.js';
import { EngineConnection } from '../../packages/engine/dist/server/connection/EngineConnection.js';
import { profileRound } from './roundProfiler.js';
import { median } from './stats.js';
import { CUBE, originFor } from './workload.js';

const SESSIONS = 1000;
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
// BENCH_PROF=<file> writes a CPU profile of the measured rounds (not of the set-up) there.
const profileFile = process.env.BENCH_PROF;
if (profileFile) await profileRound({ type: 'profile-start' });
for (let round = 0; round < ROUNDS; round++) {
  const cpu = process.cpuUsage();
  bytes = 0;
  for (let op = 0; op < OPS; op++) {
    await Promise.all(
      connections.map(async (connection, i) => {
        const origin = originFor(i, op, round);
        await connection.receive(frame(3, 'SelectValues', [[{ qText: origin }], false, false]));
        await connection.receive(frame(2, 'GetLayout', []));
      }),
    );
  }
  const used = process.cpuUsage(cpu);
  perOp.push((used.user + used.system) / (SESSIONS * OPS));
}
if (profileFile) await profileRound({ type: 'profile-stop', file: profileFile });
console.log(
  `engine in process, ${SESSIONS} sessions, cache ${process.argv.includes('--no-cache') ? 'off' : 'on'}: ` +
    `${median(perOp).toFixed(1)} [${Math.min(...perOp).toFixed(1)}–${Math.max(...perOp).toFixed(1)}] µs CPU per select+layout op ` +
    `(median [min–max] of ${ROUNDS} rounds), ${(bytes / (SESSIONS * OPS)).toFixed(0)} bytes of answers per op`,
);
