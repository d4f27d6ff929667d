// Development aid: the shapes bench's in-process compute against the same
// chart's GetLayout inside the bench's engine process (server.ts, with
// clientGapStamps.ts loaded), in alternating rounds as run.ts runs them
// (with --duck, DuckDB's query takes its turn between them too). For each it
// prints the wall time, the calling thread's CPU, the process's CPU, its
// system CPU and its minor page faults: where the engine process computes
// slower than the bench's own, these say whether it worked more (CPU),
// touched fresh memory (faults, system CPU) or waited (wall over CPU).
// Run: node --expose-gc --conditions=source --import tsx bench/engine/shapes/clientGap.ts
//        [--rows 1000000] [--rounds 15] [--only <text>] [--duck]
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { DataModel } from '../../../packages/engine/src/model/DataModel.js';
import { SelectionState } from '../../../packages/engine/src/selection/SelectionState.js';
import { computeHyperCube } from '../../../packages/engine/src/hypercube/computeHyperCube.js';
import type { HyperCubeDef } from '../../../packages/engine/src/hypercube/QixShapes.js';
import { type Contestant, alternate, formatMs, summarize } from '../alternate.js';
import { option } from '../option.js';
import { mean, threadCpu } from '../threadCpu.js';
import { type Cost, measure } from './clientGapCost.js';
import { MODELS, type ModelName, createTableSql, loadedTable } from './benchData.js';
import { openClients, startServer } from './benchClient.js';
import type { MethodCost } from './clientGapStamps.js';
import { SHAPES, chartSql, cubeDefOf, fetchRowsOf, whereOf } from './shapes.js';

const ROWS = Number(option('--rows') ?? 1_000_000);
const ROUNDS = Number(option('--rounds') ?? 15);
const WARMUPS = 3;
const ONLY = option('--only');
const DUCK = process.argv.includes('--duck');
if (!(globalThis as { gc?: unknown }).gc || !threadCpu)
  throw new Error('run with node --expose-gc, on Linux (thread CPU from /proc)');

const models = Object.fromEntries(
  (Object.keys(MODELS) as ModelName[]).map((name) => [
    name,
    DataModel.fromTables(MODELS[name].map((spec) => loadedTable(spec, ROWS))),
  ]),
) as Record<ModelName, DataModel>;
const duck = DUCK ? await (await DuckDBInstance.create(':memory:')).connect() : undefined;
if (duck)
  for (const spec of [...MODELS.flat, ...MODELS.star]) await duck.run(createTableSql(spec, ROWS));
const stamps = fileURLToPath(new URL('./clientGapStamps.ts', import.meta.url));
const server = await startServer(ROWS, undefined, [stamps]);
const clients = await openClients(server);
const serverCosts = () =>
  new Promise<MethodCost[]>((resolve) => {
    const answered = (message: unknown) => {
      if (!Array.isArray(message)) return;
      server.child.off('message', answered);
      resolve(message as MethodCost[]);
    };
    server.child.on('message', answered);
    server.child.send('costs');
  });

console.log(
  `in process against the engine process's GetLayout, ${ROWS.toLocaleString('en')} rows, ${ROUNDS} alternating rounds after ${WARMUPS}${DUCK ? ', DuckDB between' : ''}; GLIBC_TUNABLES=${process.env.GLIBC_TUNABLES ?? '(unset)'}`,
);
console.log(
  'wall: median [min–max] ms; CPU (thread, process, system), page faults, split scans and the share of their rows the calling thread ran: means',
);
try {
  for (const shape of SHAPES) {
    if (ONLY && !shape.name.includes(ONLY)) continue;
    const model = models[shape.model];
    const def = cubeDefOf(shape, fetchRowsOf(shape)) as HyperCubeDef;
    const state = new SelectionState(model);
    const client = clients[shape.model];
    const chart = await client.chart(shape);
    const own: Cost[] = [];
    const engine: Cost[] = [];
    const benchOthers: number[] = [];
    const contestants: Contestant[] = [
      {
        name: 'in process',
        run: (round) => {
          const { cost } = measure(() => {
            const pick = shape.pick(round);
            state.selectValues(pick.field, pick.values);
            void computeHyperCube(model, state.result(), def).layout.qDataPages[0]?.qMatrix;
          });
          if (round >= WARMUPS) own.push(cost);
        },
      },
      {
        name: 'client',
        settle: async () => {
          await client.collect();
          await serverCosts();
        },
        run: async (round) => {
          // The bench's own threads other than this one (its engine's workers, DuckDB's,
          // V8's) while the client waits: whether they hold a core the server needs.
          const usage = process.cpuUsage();
          const thread = threadCpu!();
          await chart.look(shape.pick(round));
          const used = process.cpuUsage(usage);
          if (round >= WARMUPS)
            benchOthers.push((used.user + used.system) / 1000 - (threadCpu!() - thread));
        },
        check: async (round) => {
          const layout = (await serverCosts()).find((cost) => cost.method === 'GetLayout');
          if (round >= WARMUPS && layout) engine.push(layout);
        },
      },
      ...(duck
        ? [
            {
              name: 'DuckDB',
              run: (round: number) =>
                duck.runAndReadAll(chartSql(shape, whereOf(shape.pick(round)))),
            },
          ]
        : []),
    ];
    const timings = await alternate(contestants, ROUNDS, WARMUPS);
    const line = (costs: readonly Cost[]) =>
      `${formatMs(summarize(costs.map((c) => c.wall)), 2)}  thread ${mean(costs.map((c) => c.thread)).toFixed(2)}  process ${mean(costs.map((c) => c.process)).toFixed(2)}  system ${mean(costs.map((c) => c.system)).toFixed(2)}  faults ${mean(costs.map((c) => c.faults)).toFixed(0)}  splits ${mean(costs.map((c) => c.splits)).toFixed(1)}, own share ${mean(costs.filter((c) => c.splits > 0).map((c) => c.ownShare)).toFixed(2)}`;
    console.log(shape.name);
    console.log(`   in process          ${line(own)}`);
    console.log(`   engine's GetLayout  ${line(engine)}`);
    console.log(
      `   client look         ${formatMs(timings.get('client')!.wall, 2)}  the bench's other threads meanwhile: CPU ${mean(benchOthers).toFixed(2)}`,
    );
    if (duck) console.log(`   DuckDB              ${formatMs(timings.get('DuckDB')!.wall, 2)}`);
  }
} finally {
  await Promise.all(Object.values(clients).map((client) => client.close()));
  server.child.disconnect();
}
