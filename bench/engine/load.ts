// Load throughput of the @qlikit/engine script interpreter next to DuckDB, in one run:
// each engine run is the load script and DataModel.fromTables (nothing can be
// queried before both), each DuckDB run one CREATE TABLE ... AS SELECT from its
// reader (the DROP before it and the count after it are outside the timing).
// Medians of alternating rounds (order rotating, GC before each run), min and max beside them.
// Run: node --expose-gc --import tsx bench/engine/load.ts [--quick] [--rounds 7] [--only 1m.csv]
//   --quick skips the 10M-row AUTOGENERATE; --only runs the loads whose name contains the text.
import { DuckDBInstance } from '@duckdb/node-api';
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runScript } from '../../packages/engine/src/script/runScript.js';
import { DataModel } from '../../packages/engine/src/model/DataModel.js';
import { LoadWorkerPool } from '../../packages/engine/src/script/LoadWorkerPool.js';
import {
  configureParallelism,
  parallelism,
} from '../../packages/engine/src/parallel/engineThreads.js';
import { alternate, formatMs, type Timing } from './alternate.js';
import { option } from './option.js';

const quick = process.argv.includes('--quick');
const roundsAt = process.argv.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(process.argv[roundsAt + 1]) : 7;
const only = option('--only');
const vegaData = path.resolve(import.meta.dirname, '../../node_modules/vega-datasets/data');

interface Measurement {
  name: string;
  rows: number;
  ours: Timing;
  duck: Timing;
}

/** Loads a script and builds its data model; the row count of the tables loaded. */
async function loadRows(script: string, dataDir: string): Promise<number> {
  const result = await runScript(script, { dataDir });
  const model = DataModel.fromTables(result.tables);
  if (model.tables.length !== result.tables.length) throw new Error('the model lost a table');
  return result.tables.reduce((sum, t) => sum + t.rowCount, 0);
}

function report(m: Measurement): void {
  const rate = (ms: number): string => `${(((m.rows / ms) * 1000) / 1e6).toFixed(2)}M rows/s`;
  console.log(
    `${m.name.padEnd(27)} ${String(m.rows).padStart(8)} rows | ` +
      `qlikit ${formatMs(m.ours.wall, 0)} ${rate(m.ours.wall.median)} | ` +
      `DuckDB ${formatMs(m.duck.wall, 0)} ${rate(m.duck.wall.median)} | ` +
      `wall ratio ${ratioOf(m, 'wall')} | CPU ms ${m.ours.cpu.median.toFixed(0)} vs ${m.duck.cpu.median.toFixed(0)} (${ratioOf(m, 'cpu')})`,
  );
}

function ratioOf(m: Measurement, kind: 'wall' | 'cpu'): string {
  return `${(m.ours[kind].median / m.duck[kind].median).toFixed(2)}x`;
}

/**
 * Copies flights-200k.json and writes the same rows as CSV, once and five
 * times over (1M rows, also with every cell quoted). A function of its own so the parsed records are
 * garbage before anything is timed.
 */
async function writeDataFiles(dir: string, jsonPath: string): Promise<void> {
  await copyFile(path.join(vegaData, 'flights-200k.json'), jsonPath);
  const records = JSON.parse(await readFile(jsonPath, 'utf8')) as {
    delay: number;
    distance: number;
    time: number;
  }[];
  const header = 'delay,distance,time\n';
  const lines = records.map((r) => `${r.delay},${r.distance},${r.time}`).join('\n') + '\n';
  await writeFile(path.join(dir, 'flights-200k.csv'), header + lines);
  await writeFile(path.join(dir, 'flights-1m.csv'), header + lines.repeat(5));
  // The same rows with every cell quoted, as many exporters write them.
  const quoted = records.map((r) => `"${r.delay}","${r.distance}","${r.time}"`).join('\n') + '\n';
  await writeFile(path.join(dir, 'flights-1m-quoted.csv'), header + quoted.repeat(5));
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'qlikit-bench-load-'));
  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  // DuckDB materialises the rows into a table, as a load does; dropping and counting are not timed.
  const duckCount = async (): Promise<number> => {
    const reader = await duck.runAndReadAll('SELECT count(*) AS n FROM t');
    const count = Number(reader.getRowObjectsJS()[0]!.n);
    await duck.run('DROP TABLE t');
    return count;
  };
  try {
    const jsonPath = path.join(dir, 'flights-200k.json');
    await writeDataFiles(dir, jsonPath);
    const settings = await duck.runAndReadAll("SELECT current_setting('threads') AS t");
    const threads = String(settings.getRowObjectsJS()[0].t);
    const size = (await stat(path.join(dir, 'flights-1m.csv'))).size / 1e6;
    // The CSV worker thread is up before timing starts, as DuckDB's threads are.
    const csvThreads = (await LoadWorkerPool.shared()?.whenReady()) ? 2 : 1;
    console.log(
      `node ${process.version}, DuckDB threads=${threads}, qlikit CSV threads=${csvThreads}, medians of ${ROUNDS} alternating rounds after 1 warm-up (10M: 3 rounds, no warm-up) [min–max]; flights-1m.csv ${size.toFixed(1)} MB`,
    );

    const results: Measurement[] = [];
    const measure = async (
      name: string,
      script: string,
      sql: string,
      big = false,
    ): Promise<Measurement | undefined> => {
      if (only !== undefined && !name.includes(only)) return undefined;
      const rows = { ours: 0, duck: 0 };
      const timings = await alternate(
        [
          {
            name: 'qlikit',
            run: async () => {
              rows.ours = await loadRows(script, dir);
            },
          },
          {
            name: 'DuckDB',
            run: () => duck.run(`CREATE TABLE t AS ${sql}`),
            check: async () => {
              rows.duck = await duckCount();
              if (rows.ours !== rows.duck)
                throw new Error(`${name}: ${rows.ours} rows here, ${rows.duck} in DuckDB`);
            },
          },
        ],
        big ? 3 : ROUNDS,
        big ? 0 : 1,
      );
      const measurement = {
        name,
        rows: rows.ours,
        ours: timings.get('qlikit')!,
        duck: timings.get('DuckDB')!,
      };
      results.push(measurement);
      report(measurement);
      return measurement;
    };

    const json = await measure(
      'flights-200k.json (json)',
      `T: LOAD * FROM [lib://DataFiles/flights-200k.json] (json);`,
      `SELECT * FROM read_json('${jsonPath}')`,
    );
    await measure(
      'flights-200k.csv (txt)',
      `T: LOAD * FROM [lib://DataFiles/flights-200k.csv] (txt, utf8, embedded labels, delimiter is ',');`,
      `SELECT * FROM read_csv('${path.join(dir, 'flights-200k.csv')}')`,
    );
    const csv1m = await measure(
      'flights-1m.csv (txt)',
      `T: LOAD * FROM [lib://DataFiles/flights-1m.csv] (txt, utf8, embedded labels, delimiter is ',');`,
      `SELECT * FROM read_csv('${path.join(dir, 'flights-1m.csv')}')`,
    );
    // The same load kept on one thread, against DuckDB's two: what the worker adds.
    const engineThreads = parallelism().threads;
    configureParallelism({ threads: 1 });
    await measure(
      'flights-1m.csv, 1 thread',
      `T: LOAD * FROM [lib://DataFiles/flights-1m.csv] (txt, utf8, embedded labels, delimiter is ',');`,
      `SELECT * FROM read_csv('${path.join(dir, 'flights-1m.csv')}')`,
    );
    configureParallelism({ threads: engineThreads });
    await measure(
      'flights-1m-quoted.csv (txt)',
      `T: LOAD * FROM [lib://DataFiles/flights-1m-quoted.csv] (txt, utf8, embedded labels, delimiter is ',', msq);`,
      `SELECT * FROM read_csv('${path.join(dir, 'flights-1m-quoted.csv')}')`,
    );
    const generate = (n: number): [string, string] => [
      `T: LOAD Mod(RecNo(), 7) as A, Mod(RecNo(), 11) as B, Mod(RecNo(), 13) as C, Mod(RecNo(), 17) as D AUTOGENERATE ${n};`,
      `SELECT (i + 1) % 7 AS A, (i + 1) % 11 AS B, (i + 1) % 13 AS C, (i + 1) % 17 AS D FROM range(${n}) r(i)`,
    ];
    const gen1m = await measure('AUTOGENERATE 1M, 4 fields', ...generate(1_000_000));
    if (!quick) await measure('AUTOGENERATE 10M, 4 fields', ...generate(10_000_000), true);

    const line = (m: Measurement | undefined) =>
      m ? `wall ${ratioOf(m, 'wall')}, CPU ${ratioOf(m, 'cpu')}` : 'not run (--only)';
    console.log('targets (issue 14 item 4), each load against its own DuckDB counterpart:');
    console.log(
      `  LOAD * of the 1M-row CSV + data model / DuckDB read_csv (≤ 1.30x): ${line(csv1m)}`,
    );
    console.log(`  JSON load + data model / DuckDB read_json (≤ 1.50x):             ${line(json)}`);
    console.log(
      `  AUTOGENERATE 1M + data model / DuckDB range():                   ${line(gen1m)}`,
    );
  } finally {
    duck.closeSync();
    instance.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
