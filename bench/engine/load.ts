// Load throughput of the @qlikit/engine script interpreter next to DuckDB, in one run.
// Run: npx tsx bench/engine/load.ts [--quick]
//   --quick skips the 10M-row AUTOGENERATE.
import { DuckDBInstance } from '@duckdb/node-api';
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runScript } from '../../packages/engine/src/script/runScript.js';

const quick = process.argv.includes('--quick');
const REPEATS = 5;
const vegaData = path.resolve(import.meta.dirname, '../../node_modules/vega-datasets/data');

interface Run {
  ms: number;
  cpuMs: number;
  rows: number;
}

interface Measurement {
  name: string;
  rows: number;
  ours: Run;
  duck: Run;
}

/** One timed run: wall clock and this process's CPU time (user + system, all threads). */
async function timed(work: () => Promise<number>): Promise<Run> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const rows = await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, rows };
}

/**
 * Runs the two sides alternately (the machine is shared, so load comes and
 * goes) and keeps each side's best wall time and best CPU time.
 */
async function bestOf(
  repeats: number,
  a: () => Promise<number>,
  b: () => Promise<number>,
): Promise<[Run, Run]> {
  const bestA: Run = { ms: Infinity, cpuMs: Infinity, rows: 0 };
  const bestB: Run = { ms: Infinity, cpuMs: Infinity, rows: 0 };
  const keep = (best: Run, run: Run): void => {
    best.ms = Math.min(best.ms, run.ms);
    best.cpuMs = Math.min(best.cpuMs, run.cpuMs);
    best.rows = run.rows;
  };
  for (let i = 0; i < repeats; i++) {
    keep(bestA, await timed(a));
    keep(bestB, await timed(b));
  }
  return [bestA, bestB];
}

async function loadRows(script: string, dataDir: string): Promise<number> {
  const result = await runScript(script, { dataDir });
  return result.tables.reduce((sum, t) => sum + t.rowCount, 0);
}

function report(m: Measurement): void {
  const rate = (ms: number): string => `${(((m.rows / ms) * 1000) / 1e6).toFixed(2)}M rows/s`;
  console.log(
    `${m.name.padEnd(27)} ${String(m.rows).padStart(8)} rows | ` +
      `qlikit ${m.ours.ms.toFixed(0).padStart(5)} ms ${rate(m.ours.ms).padStart(14)} | ` +
      `DuckDB ${m.duck.ms.toFixed(0).padStart(5)} ms ${rate(m.duck.ms).padStart(14)} | ` +
      `wall ratio ${(m.ours.ms / m.duck.ms).toFixed(2)}x | ` +
      `CPU ms ${m.ours.cpuMs.toFixed(0)} vs ${m.duck.cpuMs.toFixed(0)} (${(m.ours.cpuMs / m.duck.cpuMs).toFixed(2)}x)`,
  );
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
  // DuckDB materialises the rows into a table, as a load does.
  const duckRows = async (sql: string): Promise<number> => {
    await duck.run('DROP TABLE IF EXISTS t');
    await duck.run(`CREATE TABLE t AS ${sql}`);
    const reader = await duck.runAndReadAll('SELECT count(*) AS n FROM t');
    return Number(reader.getRowObjectsJS()[0].n);
  };
  try {
    const jsonPath = path.join(dir, 'flights-200k.json');
    await writeDataFiles(dir, jsonPath);
    const settings = await duck.runAndReadAll("SELECT current_setting('threads') AS t");
    const threads = String(settings.getRowObjectsJS()[0].t);
    const size = (await stat(path.join(dir, 'flights-1m.csv'))).size / 1e6;
    console.log(
      `node ${process.version}, DuckDB threads=${threads}, best of ${REPEATS} alternating runs (10M: 1); flights-1m.csv ${size.toFixed(1)} MB`,
    );

    const results: Measurement[] = [];
    const measure = async (name: string, script: string, sql: string, repeats = REPEATS) => {
      const [ours, duckRun] = await bestOf(
        repeats,
        () => loadRows(script, dir),
        () => duckRows(sql),
      );
      if (ours.rows !== duckRun.rows) {
        throw new Error(`${name}: ${ours.rows} rows here, ${duckRun.rows} in DuckDB`);
      }
      const measurement = { name, rows: ours.rows, ours, duck: duckRun };
      results.push(measurement);
      report(measurement);
      return measurement;
    };

    await measure(
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
    if (!quick) await measure('AUTOGENERATE 10M, 4 fields', ...generate(10_000_000), 1);

    const ratio = (m: Measurement): string =>
      `wall ${(m.ours.ms / csv1m.duck.ms).toFixed(2)}x, CPU ${(m.ours.cpuMs / csv1m.duck.cpuMs).toFixed(2)}x`;
    console.log('target: a 1M-row load within 2x the time of DuckDB read_csv on 1M rows');
    console.log(`  CSV 1M load / DuckDB read_csv 1M:          ${ratio(csv1m)}`);
    console.log(`  AUTOGENERATE 1M load / DuckDB read_csv 1M: ${ratio(gen1m)}`);
  } finally {
    duck.closeSync();
    instance.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
