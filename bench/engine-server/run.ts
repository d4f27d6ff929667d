// bench/engine-server: many concurrent sessions on the flights demo app, each
// making selections and fetching a 2-dimension, 2-measure hypercube, against
// two engines started the same way but for the shared result cache (on, off).
// Rounds alternate between the two; figures are medians with min and max.
// Run: node --conditions=source --import tsx bench/engine-server/run.ts [sessions...]
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openSession, type QixSession, type GenericObject, type Field } from '@qlikit/qix';

const sessionCounts = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const COUNTS = sessionCounts.length > 0 ? sessionCounts : [100, 1000];
/** Alternating measured rounds per engine; each round is OPS select+layout per session. */
const ROUNDS = 3;
const OPS = 5;
const ORIGINS = ['SFO', 'LAX', 'ORD', 'DFW', 'ATL', 'JFK', 'SEA', 'DEN'];

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

interface Engine {
  readonly name: string;
  readonly child: ChildProcess;
  readonly url: string;
}

function startServer(name: string, args: string[]): Promise<Engine> {
  const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), args, {
    execArgv: [
      '--conditions=source',
      '--import',
      'tsx',
      '--expose-gc',
      '--max-old-space-size=8192',
      // BENCH_PROF=<dir> writes each engine's CPU profile there.
      ...(process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve) =>
    child.once('message', (message: { url: string }) => resolve({ name, child, url: message.url })),
  );
}

function ask<T>(engine: Engine, type: string): Promise<T> {
  return new Promise((resolve) => {
    const listen = (message: { type: string } & T) => {
      if (message.type !== type) return;
      engine.child.off('message', listen);
      resolve(message);
    };
    engine.child.on('message', listen);
    engine.child.send({ type });
  });
}

const cube = {
  qInfo: { qType: 'bench-chart' },
  qHyperCubeDef: {
    qDimensions: [{ qDef: { qFieldDefs: ['Origin State'] } }, { qDef: { qFieldDefs: ['Hour'] } }],
    qMeasures: [{ qDef: { qDef: 'Avg(Delay)' } }, { qDef: { qDef: 'Sum(Distance)' } }],
    qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 4, qHeight: 50 }],
  },
};

interface Client {
  session: QixSession;
  object: GenericObject;
  field: Field;
}

async function connect(url: string, index: number): Promise<Client> {
  const session = openSession({
    url: `${url}/app/flights/identity/bench-${index}`,
    reconnect: false,
    delta: true,
  });
  const doc = await (await session.open()).openDoc('flights');
  const object = await doc.createSessionObject(cube);
  const field = await doc.getField('Origin');
  return { session, object, field };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function spread(values: number[], digits: number): string {
  const fixed = (n: number) => n.toFixed(digits);
  return `${fixed(median(values))} [${fixed(Math.min(...values))}–${fixed(Math.max(...values))}]`;
}

interface Round {
  /** The engine's CPU time per op (its process, all threads). */
  serverCpuPerOp: number;
  opsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

async function connectAll(engine: Engine, count: number): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < count; i += 50) {
    clients.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, count - i) }, (_, j) => connect(engine.url, i + j)),
      )),
    );
  }
  await Promise.all(clients.map((client) => client.object.getLayout()));
  return clients;
}

async function round(engine: Engine, clients: Client[], offset: number): Promise<Round> {
  const cpuBefore = await ask<{ ms: number }>(engine, 'cpu');
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  await Promise.all(
    clients.map(async (client, index) => {
      for (let op = 0; op < OPS; op++) {
        const t0 = performance.now();
        try {
          const origin = ORIGINS[(index + op + offset) % ORIGINS.length]!;
          await client.field.selectValues([{ qText: origin }], false, false);
          await client.object.getLayout();
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const cpuAfter = await ask<{ ms: number }>(engine, 'cpu');
  latencies.sort((a, b) => a - b);
  return {
    serverCpuPerOp: (cpuAfter.ms - cpuBefore.ms) / Math.max(1, latencies.length),
    opsPerSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
  };
}

async function runLoad(count: number, engines: Engine[]): Promise<void> {
  const state = await Promise.all(
    engines.map(async (engine) => {
      const baseline = await ask<Memory>(engine, 'memory');
      const start = performance.now();
      const clients = await connectAll(engine, count);
      const connectMs = performance.now() - start;
      const loaded = await ask<Memory>(engine, 'memory');
      return { engine, clients, connectMs, baseline, loaded, rounds: [] as Round[] };
    }),
  );
  const before = await Promise.all(engines.map((engine) => ask<CacheStats>(engine, 'cache')));
  for (let r = 0; r < ROUNDS; r++)
    for (const each of r % 2 === 0 ? state : [...state].reverse())
      each.rounds.push(await round(each.engine, each.clients, r));
  const after = await Promise.all(engines.map((engine) => ask<CacheStats>(engine, 'cache')));
  state.forEach((each, e) => {
    const { rounds, baseline, loaded } = each;
    const hits = after[e]!.hits - before[e]!.hits;
    const lookups = hits + after[e]!.misses - before[e]!.misses;
    const cache =
      lookups === 0
        ? 'cache off'
        : `cache hit rate ${((100 * hits) / lookups).toFixed(1)}%, ${after[e]!.entries} results, ` +
          `${(after[e]!.bytes / 1024 / 1024).toFixed(1)} MiB held`;
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
          rounds.map((x) => x.serverCpuPerOp),
          2,
        )} ms (${(1000 / median(rounds.map((x) => x.serverCpuPerOp))).toFixed(0)} ops/s per engine core) | errors ${rounds.reduce((sum, x) => sum + x.errors, 0)} | ${cache} | ` +
        `connect ${(each.connectMs / 1000).toFixed(1)} s | heap/session ${(
          (loaded.heapUsed - baseline.heapUsed) /
          count /
          1024
        ).toFixed(
          1,
        )} KiB (rss/session ${((loaded.rss - baseline.rss) / count / 1024).toFixed(1)} KiB)`,
    );
  });
  await Promise.all(state.flatMap((each) => each.clients.map((client) => client.session.close())));
}

const engines = [await startServer('cache on', []), await startServer('cache off', ['--no-cache'])];
console.log(
  `bench/engine-server: flights demo app (20,000 flights + airports), each op = Field.SelectValues + GetLayout of a 2-dim 2-measure hypercube (delta on); ` +
    `${ROUNDS} alternating rounds of ${OPS} ops per session per engine; median [min–max]; clients in one process`,
);
for (const count of COUNTS) await runLoad(count, engines);
// SIGINT lets a profiled engine write its profile before it ends.
for (const engine of engines) engine.child.kill('SIGINT');
