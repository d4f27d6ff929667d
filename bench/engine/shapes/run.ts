// bench/engine shapes: every chart shape of issue 14 on generated data (a
// flat table, and a star schema of a fact table and two dimension tables),
// timed two ways against DuckDB answering the same question in the same run:
//   in process — a selection, then the hypercube with the page the chart
//                shows (DataModel + SelectionState + computeHyperCube);
//   client     — what a user waits for: Field.SelectValues, then GetLayout,
//                which carries the rows the chart shows first (as nebula.js's
//                table asks: shapes.ts, FIRST_PAGE), through enigma.js (delta
//                on, its default) over a real socket to the engine running in
//                a process of its own.
// DuckDB answers the filtered GROUP BY, sorted as the chart sorts, the rows
// the chart fetches (LIMIT) and the count of all rows; both sides' answers
// are compared cell by cell, every round, and the full result once per shape.
//
// Run: node --expose-gc --conditions=source --import tsx bench/engine/shapes/run.ts
//        [--rows 1000000,10000000] [--rounds 9] [--warmups 3] [--only <text>] [--in-process]
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { DataModel } from '../../../packages/engine/src/model/DataModel.js';
import { SelectionState } from '../../../packages/engine/src/selection/SelectionState.js';
import { computeHyperCube } from '../../../packages/engine/src/hypercube/computeHyperCube.js';
import { parallelism } from '../../../packages/engine/src/parallel/engineThreads.js';
import type { ComputedHyperCube } from '../../../packages/engine/src/hypercube/ComputedHyperCube.js';
import type { HyperCubeDef } from '../../../packages/engine/src/hypercube/QixShapes.js';
import { alternate, formatMs, summarize, type Timing } from '../alternate.js';
import { MODELS, type ModelName, createTableSql, loadedTable } from './benchData.js';
import { type ChartAnswer, type Client, openClients, startServer } from './benchClient.js';
import { compareRows } from './compareRows.js';
import { type Shape, SHAPES, chartSql, cubeDefOf, fetchRowsOf, whereOf } from './shapes.js';
import { option } from '../option.js';

const args = process.argv.slice(2);
const SIZES = (option('--rows') ?? '1000000,10000000').split(',').map(Number);
const ROUNDS = Number(option('--rounds') ?? 9);
// Untimed rounds first, for every contestant: a fresh process computes a shape's
// first 3 or 4 charts at up to 2x the CPU of later ones (V8 still compiling
// and optimising the engine's code: bench/engine/shapes/rounds.ts), and the
// engine is a long-running process.
const WARMUPS = Number(option('--warmups') ?? 3);
const ONLY = option('--only');
const CLIENT = !args.includes('--in-process');
if (!(globalThis as { gc?: unknown }).gc) throw new Error('run with node --expose-gc');

interface Row {
  readonly shape: string;
  readonly rows: number;
  readonly chartRows: number;
  readonly inProcess: Timing;
  readonly client?: Timing;
  /** Median ms of the client's round trips: select, GetLayout. */
  readonly phases?: ChartAnswer['phases'];
  readonly duck: Timing;
}

const instance = await DuckDBInstance.create(':memory:');
const duck = await instance.connect();
const threads = String(
  (await duck.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjectsJS()[0]!.t,
);
console.log(
  `bench/engine shapes — node ${process.version}, DuckDB threads=${threads}, engine threads=${parallelism().threads} (in process and its server), ${new Date().toISOString()}`,
);
console.log(
  `medians of ${ROUNDS} alternating rounds (order rotating, GC before each run: this process, its engine threads and, for the client, the server process) after ${WARMUPS} warm-up rounds, [min–max]; ratio = engine / DuckDB wall time (lower is better)`,
);
console.log('the machine is shared: other work comes and goes during a run\n');

const results: Row[] = [];
for (const rows of SIZES) results.push(...(await runSize(rows)));
printTable(results);
duck.closeSync();
instance.closeSync();

async function runSize(rows: number): Promise<Row[]> {
  const models = buildModels(rows);
  for (const spec of [...MODELS.flat, ...MODELS.star]) await duck.run(createTableSql(spec, rows));
  const server = CLIENT ? await startServer(rows) : undefined;
  const clients = server ? await openClients(server) : undefined;
  console.log(`== ${rows.toLocaleString('en')} rows`);
  const out: Row[] = [];
  try {
    for (const shape of SHAPES) {
      if (ONLY && !shape.name.includes(ONLY)) continue;
      out.push(await runShape(shape, rows, models[shape.model], duck, clients?.[shape.model]));
    }
  } finally {
    await Promise.all(Object.values(clients ?? {}).map((client) => client.close()));
    server?.child.disconnect();
  }
  console.log('');
  return out;
}

function buildModels(rows: number): Record<ModelName, DataModel> {
  return {
    flat: DataModel.fromTables(MODELS.flat.map((spec) => loadedTable(spec, rows))),
    star: DataModel.fromTables(MODELS.star.map((spec) => loadedTable(spec, rows))),
  };
}

async function runShape(
  shape: Shape,
  rows: number,
  model: DataModel,
  db: DuckDBConnection,
  client: Client | undefined,
): Promise<Row> {
  const fetchRows = fetchRowsOf(shape);
  const def = cubeDefOf(shape, fetchRows) as HyperCubeDef;
  const state = new SelectionState(model);
  const chartRows = await checkFullAnswer(shape, model, def, db);
  const chart = client ? await client.chart(shape) : undefined;

  const answers: { inProcess?: ComputedHyperCube; client?: ChartAnswer; duck?: unknown[][] } = {};
  const phases: ChartAnswer['phases'][] = [];
  const timings = await alternate(
    [
      {
        name: 'in process',
        run: (round) => {
          const pick = shape.pick(round);
          state.selectValues(pick.field, pick.values);
          answers.inProcess = computeHyperCube(model, state.result(), def);
          // A page makes its cell objects when first read: the in-process answer is those cells.
          void answers.inProcess.layout.qDataPages[0]?.qMatrix;
        },
        check: (round) => {
          const cube = answers.inProcess!;
          const label = `${shape.name} (in process, round ${round})`;
          compareRows(label, cube.layout.qDataPages[0]?.qMatrix ?? [], answers.duck!);
          checkCount(label, cube.layout.qSize.qcy, answers.duck!);
        },
      },
      ...(chart
        ? [
            {
              name: 'client',
              settle: () => client!.collect(),
              run: async (round: number) => {
                answers.client = await chart.look(shape.pick(round));
                // The warm-up rounds come first.
                if (round >= WARMUPS) phases.push(answers.client.phases);
              },
              check: (round: number) => {
                const label = `${shape.name} (client, round ${round})`;
                compareRows(label, answers.client!.matrix, answers.duck!);
                checkCount(label, answers.client!.rows, answers.duck!);
              },
            },
          ]
        : []),
      {
        name: 'DuckDB',
        run: async (round) => {
          const sql = chartSql(shape, whereOf(shape.pick(round)));
          answers.duck = (await db.runAndReadAll(sql)).getRows() as unknown[][];
        },
      },
    ],
    ROUNDS,
    WARMUPS,
  );
  const row: Row = {
    shape: shape.name,
    rows,
    chartRows,
    inProcess: timings.get('in process')!,
    client: timings.get('client'),
    phases: chart ? medianPhases(phases) : undefined,
    duck: timings.get('DuckDB')!,
  };
  printRow(row);
  return row;
}

function medianPhases(list: readonly ChartAnswer['phases'][]): ChartAnswer['phases'] {
  const of = (key: keyof ChartAnswer['phases']) => summarize(list.map((p) => p[key])).median;
  return { select: of('select'), layout: of('layout') };
}

// Every row of the engine's cube against DuckDB's full sorted answer (round 0's selection).
async function checkFullAnswer(
  shape: Shape,
  model: DataModel,
  def: HyperCubeDef,
  db: DuckDBConnection,
): Promise<number> {
  const pick = shape.pick(0);
  const state = new SelectionState(model);
  state.selectValues(pick.field, pick.values);
  const cube = computeHyperCube(model, state.result(), def);
  const sql = chartSql(shape, whereOf(pick)).replace(/ LIMIT \d+$/, '');
  const all = (await db.runAndReadAll(sql)).getRows() as unknown[][];
  compareRows(`${shape.name} (every row)`, cube.rows(), all);
  return all.length;
}

function checkCount(label: string, rows: number, duckRows: readonly unknown[][]): void {
  const want = duckRows.length === 0 ? 0 : Number(duckRows[0]!.at(-1));
  if (rows !== want) throw new Error(`${label}: ${rows} chart rows, DuckDB ${want}`);
}

function ratio(engine: Timing | undefined, other: Timing): string {
  return engine ? `${(engine.wall.median / other.wall.median).toFixed(2)}x` : '-';
}

// CPU time of this process: the engine's threads against DuckDB's threads, steadier than wall time on a busy machine.
function cpuRatio(engine: Timing, other: Timing): string {
  return `${(engine.cpu.median / other.cpu.median).toFixed(2)}x`;
}

function printRow(row: Row): void {
  console.log(
    `${row.shape} — ${row.chartRows.toLocaleString('en')} chart rows\n` +
      `   in process ${formatMs(row.inProcess.wall)}  CPU ${row.inProcess.cpu.median.toFixed(1)} ms\n` +
      (row.client
        ? `   client     ${formatMs(row.client.wall)}  (select ${row.phases!.select.toFixed(1)}, GetLayout ${row.phases!.layout.toFixed(1)})\n`
        : '') +
      `   DuckDB     ${formatMs(row.duck.wall)}  CPU ${row.duck.cpu.median.toFixed(1)} ms\n` +
      `   ratio: in process ${ratio(row.inProcess, row.duck)} (CPU ${cpuRatio(row.inProcess, row.duck)}), client ${ratio(row.client, row.duck)}`,
  );
}

function printTable(rows: readonly Row[]): void {
  console.log(
    'summary: median wall-time ratio engine / DuckDB (target ≤ 1.00x), and the in-process CPU-time ratio',
  );
  console.log(`${'shape'.padEnd(44)} ${'rows'.padStart(11)}  in process  client  in-process CPU`);
  for (const row of rows) {
    console.log(
      `${row.shape.padEnd(44)} ${row.rows.toLocaleString('en').padStart(11)}  ${ratio(row.inProcess, row.duck).padStart(10)}  ${ratio(row.client, row.duck).padStart(6)}  ${cpuRatio(row.inProcess, row.duck).padStart(14)}`,
    );
  }
}
