// bench/engine-server: many concurrent sessions on the flights demo app, each
// making selections and fetching a 2-dimension, 2-measure hypercube, against
// two engines started the same way but for the shared result cache (on, off).
// The sessions are real @qlikit/qix sessions (delta on) spread over several
// client processes, so that no one client process bounds the rate. Rounds
// alternate between the two engines; figures are medians with min and max;
// the last layouts of both engines are compared by value, airport by airport.
// Run: node --conditions=source --import tsx bench/engine-server/run.ts [sessions...]
// BENCH_CLIENTS=<n> sets the number of client processes (default 2); BENCH_SEMI_SPACE=<MiB> the
// young generation of every process (64 by default, 0 for V8's default); BENCH_ENGINE_FLAGS and
// BENCH_CLIENT_FLAGS add node flags to the engines' or the clients' processes (e.g. --trace-gc);
// BENCH_PROF=<dir> writes CPU profiles of each measured round there (the engine's and each
// client process's: <sessions>-<engine>-r<round>-<process>.cpuprofile); BENCH_ENGINE=dist runs the
// engines from packages/engine/dist and BENCH_CLIENT=dist (the engine's build by default) the
// clients from packages/qix/dist (npm run build first) instead of the TypeScript sources (builds.ts).
import { isDeepStrictEqual } from 'node:util';
import type { ChildProcess } from 'node:child_process';
import type { ClientRequest } from './protocol.js';
import { median, spread } from './stats.js';
import { recordAnswers } from './floor.js';
import {
  ask,
  askClient,
  CLIENT_PROCESSES,
  ENGINE_PRODUCT_FLAGS,
  HEAP,
  startClients,
  startFloor,
  startServer,
  type Engine,
} from './processes.js';
import { profileRound, round, stallsText, type Round } from './round.js';
import { buildsText, requireBuilds } from './builds.js';

const sessionCounts = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const COUNTS = sessionCounts.length > 0 ? sessionCounts : [100, 1000];
/** Alternating measured rounds per engine, after one unmeasured warm-up round each. */
const ROUNDS = 3;
/**
 * Select+layout ops per session per round: at least 5, and at least 2,000 in a round.
 * BENCH_OPS=<n> sets it (a development aid: longer rounds show how much of the tail is the
 * rounds' start, when every session sends at once, and their end).
 */
const OPS_SET = Number(process.env.BENCH_OPS ?? 0);
const opsFor = (sessions: number) =>
  OPS_SET > 0 ? OPS_SET : Math.max(5, Math.ceil(2000 / sessions));

interface Memory {
  heapUsed: number;
  rss: number;
  sessions: number;
}

interface CacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

/** The qHyperCube of each airport's last layout, as the client processes saw them. */
async function lastCubes(engine: Engine, clients: ChildProcess[], offset: number, ops: number) {
  const cubes = new Map<string, unknown>();
  for (const client of clients) {
    const { byOrigin } = await askClient(
      client,
      { type: 'layouts', engine: engine.name, offset, ops },
      'layouts',
    );
    for (const [origin, layout] of Object.entries(byOrigin))
      if (!cubes.has(origin)) cubes.set(origin, (layout as { qHyperCube?: unknown }).qHyperCube);
  }
  return cubes;
}

async function runLoad(count: number, engines: Engine[], clients: ChildProcess[]): Promise<void> {
  const state = [];
  for (const engine of engines) {
    const baseline = await ask<Memory>(engine.child, { type: 'memory' });
    const start = performance.now();
    const share = Math.ceil(count / clients.length);
    await Promise.all(
      clients.map((client, i) =>
        askClient(
          client,
          {
            type: 'connect',
            engine: engine.name,
            url: engine.url,
            from: i * share,
            count: Math.max(0, Math.min(share, count - i * share)),
          },
          'connected',
        ),
      ),
    );
    const connectMs = performance.now() - start;
    const loaded = await ask<Memory>(engine.child, { type: 'memory' });
    state.push({ engine, connectMs, baseline, loaded, rounds: [] as Round[] });
  }
  const ops = opsFor(count);
  // The warm-up rounds let both engines' code get compiled before anything is measured.
  for (const each of state) await round(each.engine, clients, ROUNDS, ops);
  const before = await Promise.all(
    engines.map((engine) => ask<CacheStats>(engine.child, { type: 'cache' })),
  );
  for (let r = 0; r < ROUNDS; r++)
    for (const each of r % 2 === 0 ? state : [...state].reverse()) {
      await profileRound(each.engine, clients);
      each.rounds.push(await round(each.engine, clients, r, ops));
      await profileRound(each.engine, clients, { sessions: count, round: r });
    }
  const after = await Promise.all(
    engines.map((engine) => ask<CacheStats>(engine.child, { type: 'cache' })),
  );
  // Both engines' last round selected the same airports in the same sessions: their charts must agree.
  const [first, ...others] = await Promise.all(
    engines.map((engine) => lastCubes(engine, clients, ROUNDS - 1, ops)),
  );
  const disagree = others.flatMap((cubes) =>
    [...first!].filter(([origin, cube]) => !isDeepStrictEqual(cubes.get(origin), cube)),
  );
  state.forEach((each, e) => {
    const { rounds, baseline, loaded } = each;
    const hits = after[e]!.hits - before[e]!.hits;
    const lookups = hits + after[e]!.misses - before[e]!.misses;
    const cache =
      lookups === 0
        ? 'cache off'
        : `cache hit rate ${((100 * hits) / lookups).toFixed(1)}%, ${after[e]!.entries} results, ` +
          `${(after[e]!.bytes / 1024 / 1024).toFixed(2)} MiB held`;
    const cpuPerOp = median(rounds.map((x) => x.serverCpuPerOp));
    console.log(
      `${String(count).padStart(5)} sessions, ${each.engine.name.padEnd(9)} | ` +
        `${spread(
          rounds.map((x) => x.opsPerSecond),
          0,
        )} ops/s | p50 ${spread(
          rounds.map((x) => x.p50),
          1,
        )} ms | p99 ${spread(
          rounds.map((x) => x.p99),
          1,
        )} ms | engine CPU/op ${spread(
          rounds.map((x) => x.serverCpuPerOp * 1000),
          0,
        )} µs, of it kernel ${spread(
          rounds.map((x) => x.serverSystemPerOp * 1000),
          0,
        )} µs (${(1000 / cpuPerOp).toFixed(0)} ops/s per engine core) | client CPU/op ${spread(
          rounds.map((x) => x.clientCpuPerOp * 1000),
          0,
        )} µs | errors ${rounds.reduce((sum, x) => sum + x.errors, 0)} | ${cache} | ` +
        `connect ${(each.connectMs / 1000).toFixed(1)} s | heap/session ${(
          (loaded.heapUsed - baseline.heapUsed) /
          count /
          1024
        ).toFixed(
          1,
        )} KiB (rss/session ${((loaded.rss - baseline.rss) / count / 1024).toFixed(1)} KiB) | ` +
        stallsText(rounds, 'engine'),
    );
  });
  if (engines.length > 1)
    console.log(
      disagree.length === 0
        ? `${String(count).padStart(5)} sessions: both engines' charts agree by value for ${first!.size} airports`
        : `${String(count).padStart(5)} sessions: CHARTS DIFFER for ${disagree.map(([origin]) => origin).join(', ')}`,
    );
  if (disagree.length > 0) process.exitCode = 1;
  await Promise.all(clients.map((client) => askClient(client, { type: 'close' }, 'closed')));
}

/**
 * The same load on the wire floor (floorServer.ts answering with the engine's
 * recorded bytes): with raw `ws` clients, what sockets, `ws` and JSON cost with
 * no engine and no client library, the most this machine allows for the op;
 * with the engines' @qlikit/qix clients, the most any engine could give them.
 */
async function runFloor(
  count: number,
  floor: Engine,
  floorClients: ChildProcess[],
  clientsName: { short: string; long: string },
): Promise<void> {
  const share = Math.ceil(count / floorClients.length);
  await Promise.all(
    floorClients.map((client, i) =>
      askClient(
        client,
        {
          type: 'connect',
          engine: floor.name,
          url: floor.url,
          from: i * share,
          count: Math.max(0, Math.min(share, count - i * share)),
        },
        'connected',
      ),
    ),
  );
  const ops = opsFor(count);
  await round(floor, floorClients, ROUNDS, ops);
  const rounds: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(await round(floor, floorClients, r, ops));
  console.log(
    `${String(count).padStart(5)} sessions, wire floor, ${clientsName.short} | ${spread(
      rounds.map((x) => x.opsPerSecond),
      0,
    )} ops/s | p50 ${spread(
      rounds.map((x) => x.p50),
      1,
    )} ms | p99 ${spread(
      rounds.map((x) => x.p99),
      1,
    )} ms | server CPU/op ${spread(
      rounds.map((x) => x.serverCpuPerOp * 1000),
      0,
    )} µs, of it kernel ${spread(
      rounds.map((x) => x.serverSystemPerOp * 1000),
      0,
    )} µs | client CPU/op ${spread(
      rounds.map((x) => x.clientCpuPerOp * 1000),
      0,
    )} µs | errors ${rounds.reduce((sum, x) => sum + x.errors, 0)} | ${stallsText(rounds, 'server')} ` +
      `(the engine's recorded answers sent by a plain ws server to ${clientsName.long})`,
  );
  await Promise.all(floorClients.map((client) => askClient(client, { type: 'close' }, 'closed')));
}

// BENCH_CACHE=on or off runs only that engine (for profiling one side); both by default.
const only = process.env.BENCH_CACHE;
requireBuilds();
const engines = [
  ...(only === 'off' ? [] : [await startServer('cache on', [])]),
  ...(only === 'on' ? [] : [await startServer('cache off', ['--no-cache'])]),
];
const clients = await startClients();
// BENCH_FLOOR=0 leaves out the wire floor.
const withFloor = process.env.BENCH_FLOOR !== '0';
const floor = withFloor ? await startFloor(await recordAnswers(engines[0]!.url)) : undefined;
const rawClients = withFloor ? await startClients('./floorClients.ts') : [];
console.log(
  `bench/engine-server: flights demo app (20,000 flights + airports), each op = Field.SelectValues + GetLayout of a 2-dim 2-measure hypercube (delta on); ` +
    `a warm-up round, then ${ROUNDS} alternating rounds per engine of at least 5 ops per session and 2,000 ops a round; median [min–max]; ` +
    `clients: @qlikit/qix sessions in ${CLIENT_PROCESSES} processes; ${buildsText()}; engine CPU per op is its process's user+system time; ` +
    `engines run with the qlikit-engine bin's node flags (${ENGINE_PRODUCT_FLAGS.join(' ') || 'none'}), ` +
    `the other processes with ${HEAP.length > 0 ? HEAP.join(' ') : "V8's default young generation"}`,
);
for (const count of COUNTS) {
  await runLoad(count, engines, clients);
  if (!floor) continue;
  await runFloor(count, floor, rawClients, { short: 'raw', long: 'raw ws clients' });
  // The same clients as the engines' on the floor: what the engine's work costs them in rate and tail.
  await runFloor(count, floor, clients, { short: 'qix', long: '@qlikit/qix clients' });
}
for (const child of [...rawClients, ...(floor ? [floor.child] : [])]) child.send({ type: 'exit' });
for (const client of clients) client.send({ type: 'exit' } satisfies ClientRequest);
for (const engine of engines) engine.child.kill('SIGINT');
