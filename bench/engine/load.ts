// Load throughput of the @qlikit/engine script interpreter next to DuckDB, in one run.
// Run: npx tsx bench/engine/load.ts [--quick]
//   --quick skips the 10M-row AUTOGENERATE.
import { DuckDBInstance } from '@duckdb/node-api';
import { copyFile, mkdtemp, readFile, rm, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runScript } from '../../packages/engine/src/script/runScript.js';

const quick = process.argv.includes('--quick');
const REPEATS = 3;
const vegaData = path.resolve(import.meta.dirname, '../../node_modules/vega-datasets/data');

interface Measurement {
  name: string;
  rows: number;
  ours: number;
  duck: number;
}

/** Best of `repeats` wall-clock runs, in milliseconds. */
async function best(
  repeats: number,
  work: () => Promise<number>,
): Promise<{ ms: number; rows: number }> {
  let ms = Infinity;
  let rows = 0;
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    rows = await work();
    ms = Math.min(ms, performance.now() - started);
  }
  return { ms, rows };
}

async function ours(script: string, dataDir: string): Promise<number> {
  const result = await runScript(script, { dataDir });
  return result.tables.reduce((sum, t) => sum + t.rowCount, 0);
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'qlikit-bench-load-'));
  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  const duckCount = async (sql: string): Promise<number> => {
    await duck.run('DROP TABLE IF EXISTS t');
    await duck.run(`CREATE TABLE t AS ${sql}`);
    const reader = await duck.runAndReadAll('SELECT count(*) AS n FROM t');
    return Number(reader.getRowObjectsJS()[0].n);
  };
  try {
    const jsonPath = path.join(dir, 'flights-200k.json');
    await copyFile(path.join(vegaData, 'flights-200k.json'), jsonPath);
    const records = JSON.parse(await readFile(jsonPath, 'utf8')) as {
      delay: number;
      distance: number;
      time: number;
    }[];
    const header = 'delay,distance,time\n';
    const lines = records.map((r) => `${r.delay},${r.distance},${r.time}`).join('\n') + '\n';
    await writeFile(path.join(dir, 'flights-200k.csv'), header + lines);
    // The same rows five times over: a 1M-row CSV.
    await writeFile(path.join(dir, 'flights-1m.csv'), header + lines.repeat(5));
    const threads = (
      await duck.runAndReadAll("SELECT current_setting('threads') AS t")
    ).getRowObjectsJS()[0].t;
    console.log(`node ${process.version}, DuckDB threads=${String(threads)}, best of ${REPEATS}`);
    console.log(
      `flights-1m.csv: ${((await stat(path.join(dir, 'flights-1m.csv'))).size / 1e6).toFixed(1)} MB`,
    );

    const results: Measurement[] = [];
    const measure = async (
      name: string,
      script: string,
      sql: string,
      repeats = REPEATS,
    ): Promise<void> => {
      const mine = await best(repeats, () => ours(script, dir));
      const theirs = await best(repeats, () => duckCount(sql));
      if (mine.rows !== theirs.rows)
        throw new Error(`${name}: ${mine.rows} rows here, ${theirs.rows} in DuckDB`);
      results.push({ name, rows: mine.rows, ours: mine.ms, duck: theirs.ms });
      report(results.at(-1)!);
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
    await measure(
      'flights-1m.csv (txt)',
      `T: LOAD * FROM [lib://DataFiles/flights-1m.csv] (txt, utf8, embedded labels, delimiter is ',');`,
      `SELECT * FROM read_csv('${path.join(dir, 'flights-1m.csv')}')`,
    );
    const generate = (n: number): [string, string] => [
      `T: LOAD Mod(RecNo(), 7) as A, Mod(RecNo(), 11) as B, Mod(RecNo(), 13) as C, Mod(RecNo(), 17) as D AUTOGENERATE ${n};`,
      `SELECT (i + 1) % 7 AS A, (i + 1) % 11 AS B, (i + 1) % 13 AS C, (i + 1) % 17 AS D FROM range(${n}) r(i)`,
    ];
    await measure('AUTOGENERATE 1M, 4 fields', ...generate(1_000_000));
    if (!quick) await measure('AUTOGENERATE 10M, 4 fields', ...generate(10_000_000), 1);
  } finally {
    duck.closeSync();
    instance.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}

function report(m: Measurement): void {
  const rate = (ms: number): string => `${(((m.rows / ms) * 1000) / 1e6).toFixed(2)}M rows/s`;
  console.log(
    `${m.name.padEnd(28)} ${String(m.rows).padStart(9)} rows | qlikit ${m.ours.toFixed(0).padStart(6)} ms ${rate(m.ours).padStart(15)} | ` +
      `DuckDB ${m.duck.toFixed(0).padStart(5)} ms ${rate(m.duck).padStart(15)} | qlikit/DuckDB time ${(m.ours / m.duck).toFixed(2)}x`,
  );
}

await main();
