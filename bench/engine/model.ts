// Data model and selection bench: heap cost per row of a 1M-row, 4-field,
// low-cardinality table built through DataModel.fromTables, and the time of a
// selection plus possible-rows propagation, next to DuckDB answering the same
// question (count of matching rows) on the same data in the same run.
//
// Run: node --expose-gc --import tsx bench/engine/model.ts [rows]
import { DuckDBInstance } from '@duckdb/node-api';
import { DataModel } from '../../packages/engine/src/model/DataModel.js';
import type { LoadedTable } from '../../packages/engine/src/model/LoadedTable.js';
import { SelectionState } from '../../packages/engine/src/selection/SelectionState.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const REPEATS = 15;
const WARM_UPS = 5;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

// One formula per column, written twice (JS and SQL) so both engines see the same data.
const columns = [
  { name: 'Region', cardinality: 10, js: (i: number) => i % 10, sql: 'i % 10', text: true },
  {
    name: 'Product',
    cardinality: 97,
    js: (i: number) => (i * 7) % 97,
    sql: '(i * 7) % 97',
    text: false,
  },
  {
    name: 'Channel',
    cardinality: 50,
    js: (i: number) => (i * 13 + 5) % 50,
    sql: '(i * 13 + 5) % 50',
    text: false,
  },
  {
    name: 'Week',
    cardinality: 200,
    js: (i: number) => Math.floor((i * 31) / 4) % 200,
    sql: '((i * 31) // 4) % 200',
    text: false,
  },
] as const;

function label(text: boolean, code: number): string | number {
  return text ? `R${code}` : code;
}

function loadedTable(): LoadedTable {
  return {
    name: 'Facts',
    rowCount: ROWS,
    columns: columns.map((column) => {
      const indexes = new Int32Array(ROWS);
      const order = new Map<number, number>();
      const values: (string | number)[] = [];
      for (let i = 0; i < ROWS; i++) {
        const code = column.js(i);
        let index = order.get(code);
        if (index === undefined) {
          index = values.length;
          order.set(code, index);
          values.push(label(column.text, code));
        }
        indexes[i] = index;
      }
      return { name: column.name, values, indexes };
    }),
  };
}

function memory(): number {
  gc!();
  gc!();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface Timing {
  readonly median: number;
  readonly min: number;
}

async function timeAsync(run: (repeat: number) => Promise<unknown>): Promise<Timing> {
  const samples: number[] = [];
  for (let w = 0; w < WARM_UPS; w++) await run(w); // untimed, so the JIT has settled
  for (let r = 0; r < REPEATS; r++) {
    const start = process.hrtime.bigint();
    await run(r);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { median: median(samples), min: Math.min(...samples) };
}

const loaded = loadedTable();
const before = memory();
const buildStart = process.hrtime.bigint();
const model = DataModel.fromTables([loaded]);
const buildMs = Number(process.hrtime.bigint() - buildStart) / 1e6;
const after = memory();
const bytesPerRow = (after - before) / ROWS;
const codeTypes = model
  .table('Facts')
  .columns.map((c) => `${c.field.name}:${c.codes.constructor.name}`);

// Our side: select one Region (10% of rows), compute possible rows and count them.
const state = new SelectionState(model);
let ourCount = 0;
const selectMs = await timeAsync(async (r) => {
  state.selectValues('Region', [`R${r % 10}`]);
  ourCount = state.result().rows('Facts').count();
});
// Selection in two fields plus the possible values and states of a third.
let ourStates = 0;
const selectStatesMs = await timeAsync(async (r) => {
  state.clearAll();
  state.selectValues('Region', [`R${r % 10}`]);
  state.search('Week', '>=50<120');
  ourStates = state.result().stateCounts('Product').qOption;
});

// A star: the same facts plus a 97-row Products dimension keyed by Product;
// selecting a Category must travel through the key into the fact table.
const dimension: LoadedTable = {
  name: 'Products',
  rowCount: 97,
  columns: [
    {
      name: 'Product',
      values: Array.from({ length: 97 }, (_, p) => p),
      indexes: Int32Array.from({ length: 97 }, (_, p) => p),
    },
    {
      name: 'Category',
      values: Array.from({ length: 5 }, (_, c) => `C${c}`),
      indexes: Int32Array.from({ length: 97 }, (_, p) => p % 5),
    },
  ],
};
const star = new SelectionState(DataModel.fromTables([loaded, dimension]));
let starCount = 0;
const starMs = await timeAsync(async (r) => {
  star.selectValues('Category', [`C${r % 5}`]);
  starCount = star.result().rows('Facts').count();
});

// And the other way: a selection in the facts decides which categories are possible.
let starStates = 0;
const starStatesMs = await timeAsync(async (r) => {
  star.clearAll();
  star.selectValues('Week', [r % 200, (r * 7) % 200]);
  starStates = star.result().stateCounts('Category').qOption;
});

// DuckDB side, same data.
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
const selectList = columns
  .map((c) =>
    c.text ? `'R' || (${c.sql})::VARCHAR AS ${c.name}` : `(${c.sql})::INTEGER AS ${c.name}`,
  )
  .join(', ');
await db.run(`CREATE TABLE facts AS SELECT ${selectList} FROM range(${ROWS}) t(i)`);
await db.run(
  `CREATE TABLE products AS SELECT i::INTEGER AS Product, 'C' || (i % 5)::VARCHAR AS Category FROM range(97) t(i)`,
);
let duckCount = 0;
const duckMs = await timeAsync(async (r) => {
  const reader = await db.runAndReadAll(
    `SELECT count(*) AS n FROM facts WHERE Region = 'R${r % 10}'`,
  );
  duckCount = Number(reader.getRowsJS()[0][0]);
});
let duckStates = 0;
const duckStatesMs = await timeAsync(async (r) => {
  const reader = await db.runAndReadAll(
    `SELECT count(DISTINCT Product) FROM facts WHERE Region = 'R${r % 10}' AND Week >= 50 AND Week < 120`,
  );
  duckStates = Number(reader.getRowsJS()[0][0]);
});
let duckStar = 0;
const duckStarMs = await timeAsync(async (r) => {
  const reader = await db.runAndReadAll(
    `SELECT count(*) FROM facts JOIN products USING (Product) WHERE Category = 'C${r % 5}'`,
  );
  duckStar = Number(reader.getRowsJS()[0][0]);
});
let duckStarStates = 0;
const duckStarStatesMs = await timeAsync(async (r) => {
  const reader = await db.runAndReadAll(
    `SELECT count(DISTINCT Category) FROM facts JOIN products USING (Product) WHERE Week IN (${r % 200}, ${(r * 7) % 200})`,
  );
  duckStarStates = Number(reader.getRowsJS()[0][0]);
});
instance.closeSync();

const fmt = (n: number, digits = 2) => n.toFixed(digits);
const cases = [
  ['select 1 value, propagate, count rows', selectMs, duckMs, ourCount, duckCount],
  [
    'select in 2 fields, possible values of a 3rd',
    selectStatesMs,
    duckStatesMs,
    ourStates,
    duckStates,
  ],
  ['star: select a dimension value, count fact rows', starMs, duckStarMs, starCount, duckStar],
  [
    'star: select 2 fact values, possible dimension values',
    starStatesMs,
    duckStarStatesMs,
    starStates,
    duckStarStates,
  ],
] as const;
console.log(
  `rows: ${ROWS}; fields ${columns.map((c) => `${c.name}(${c.cardinality})`).join(', ')}`,
);
console.log(`column arrays: ${codeTypes.join(', ')}`);
console.log(
  `model heap: ${fmt((after - before) / 1048576)} MiB = ${fmt(bytesPerRow)} bytes/row; build ${fmt(buildMs, 1)} ms`,
);
console.log(
  `median (and min) of ${REPEATS} runs after ${WARM_UPS} warm-ups; ratio of medians; DuckDB answers the same question in SQL`,
);
for (const [name, ours, duck, ourAnswer, duckAnswer] of cases) {
  console.log(
    `${name.padEnd(54)} qlikit ${fmt(ours.median).padStart(7)} ms (min ${fmt(ours.min)})  DuckDB ${fmt(duck.median).padStart(7)} ms (min ${fmt(duck.min)})  ratio ${fmt(ours.median / duck.median)}  (answers ${ourAnswer} / ${duckAnswer})`,
  );
}
if (cases.some(([, , , ourAnswer, duckAnswer]) => ourAnswer !== duckAnswer)) {
  throw new Error('qlikit and DuckDB disagree');
}
