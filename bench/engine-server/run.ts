// bench/engine-server: many concurrent sessions on the flights demo app, each
// making selections and fetching a 2-dimension, 2-measure hypercube.
// Run: node --conditions=source --import tsx bench/engine-server/run.ts [sessions...]
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openSession, type QixSession, type GenericObject, type Field } from '@qlikit/qix';

const sessionCounts = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const COUNTS = sessionCounts.length > 0 ? sessionCounts : [100, 1000];
const ROUNDS = 5;

interface Memory {
  heapUsed: number;
  rss: number;
  sessions: number;
}

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [], {
    execArgv: [
      '--conditions=source',
      '--import',
      'tsx',
      '--expose-gc',
      '--max-old-space-size=8192',
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve) =>
    child.once('message', (message: { url: string }) => resolve({ child, url: message.url })),
  );
}

function memory(child: ChildProcess): Promise<Memory> {
  return new Promise((resolve) => {
    child.once('message', (message: Memory) => resolve(message));
    child.send({ type: 'memory' });
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
  origins: string[];
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
  return {
    session,
    object,
    field,
    origins: ['SFO', 'LAX', 'ORD', 'DFW', 'ATL', 'JFK', 'SEA', 'DEN'],
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function runLoad(count: number, url: string, child: ChildProcess): Promise<void> {
  const baseline = await memory(child);
  const clients: Client[] = [];
  const connectStart = performance.now();
  for (let i = 0; i < count; i += 50) {
    clients.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, count - i) }, (_, j) => connect(url, i + j)),
      )),
    );
  }
  const connectMs = performance.now() - connectStart;
  await Promise.all(clients.map((client) => client.object.getLayout()));
  const loaded = await memory(child);

  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  await Promise.all(
    clients.map(async (client, index) => {
      for (let round = 0; round < ROUNDS; round++) {
        const t0 = performance.now();
        try {
          await client.field.selectValues(
            [{ qText: client.origins[(index + round) % client.origins.length]! }],
            false,
            false,
          );
          await client.object.getLayout();
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const ops = latencies.length;
  console.log(
    `${String(count).padStart(5)} sessions | connect+open+object ${(connectMs / 1000).toFixed(1)} s | ` +
      `select+layout p50 ${percentile(latencies, 50).toFixed(1)} ms p99 ${percentile(latencies, 99).toFixed(1)} ms | ` +
      `${(ops / elapsed).toFixed(0)} ops/s | errors ${errors} | server heap/session ${((loaded.heapUsed - baseline.heapUsed) / count / 1024).toFixed(1)} KiB ` +
      `(rss/session ${((loaded.rss - baseline.rss) / count / 1024).toFixed(1)} KiB, ${loaded.sessions} sessions held)`,
  );
  await Promise.all(clients.map((client) => client.session.close()));
}

const { child, url } = await startServer();
console.log(
  'bench/engine-server: flights demo app (20,000 flights + airports), each op = Field.SelectValues + GetLayout of a 2-dim 2-measure hypercube (delta on)',
);
for (const count of COUNTS) await runLoad(count, url, child);
child.kill();
