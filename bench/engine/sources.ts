// Data in, each format next to its anchor in one run, on the same rows (5 fields: integer, text,
// number, date, text):
//   - QVD loaded whole (Qlik's optimized load) against DuckDB reading the same rows from Parquet;
//   - CSV, Parquet and JSON loads against DuckDB's read_csv, read_parquet and read_json;
//   - .xlsx against exceljs alone reading the workbook (the floor: the engine reads through
//     exceljs; DuckDB's excel extension is not installable offline);
//   - SQL SELECT through LIB CONNECT from a DuckDB database file against DuckDB's own client
//     reading the same query, and from PostgreSQL against `pg` alone (the floor).
// Each engine side is a reload as an app does it (the script, then the data model); each DuckDB
// file side is CREATE TABLE AS (the rows in DuckDB's memory). Medians of alternating rounds (the
// order flips each round), min and max beside. After every timed run, untimed, each side's answer
// is reduced to a checksum of every cell of every column in row order; the two must agree.
//
// Run: npm run bench -- engine-sources   (or: node --expose-gc --conditions=source --import tsx
//   bench/engine/sources.ts [--rows N] [--small-rows N] [--rounds N] [--only qvd,csv,...]);
//   --small-rows is the .xlsx workbook's rows.
// PostgreSQL: QLIKIT_TEST_PG_URL if set, else a throwaway cluster of Debian's postgresql started
// here; skipped when there is neither.
import { DuckDBDateValue, DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dataDirFiles } from '../../packages/engine/src/io/DataFiles.js';
import { ConnectionStore } from '../../packages/engine/src/io/sql/ConnectionStore.js';
import { DataModel } from '../../packages/engine/src/model/DataModel.js';
import { LoadWorkerPool } from '../../packages/engine/src/script/LoadWorkerPool.js';
import type { LoadedTable } from '../../packages/engine/src/model/LoadedTable.js';
import { openScriptConnection } from '../../packages/engine/src/script/openScriptConnection.js';
import type { ScriptOptions } from '../../packages/engine/src/script/ScriptOptions.js';
import { runScript } from '../../packages/engine/src/script/runScript.js';
import { startPostgres } from '../../packages/engine/test/sql/postgresServer.js';
import {
  answerOfRows,
  answerOfTable,
  compare,
  UNIX_EPOCH_SERIAL,
  type Answer,
  type Figure,
  type Side,
} from './sourcesKit.js';
import { option } from './option.js';
import { withUsage, type RunUsage } from './processThreads.js';

const ROWS = Number(option('--rows') ?? 1_000_000);
const SMALL_ROWS = Number(option('--small-rows') ?? 100_000);
const ROUNDS = Number(option('--rounds') ?? 5);
/** `--only qvd,csv,...`: the comparisons to run (qvd, parquet, csv, json, xlsx, duckdb, postgresql). */
const onlyList = option('--only');
const ONLY = onlyList === undefined ? undefined : new Set(onlyList.split(','));
const wanted = (name: string): boolean => ONLY === undefined || ONLY.has(name);
const FIELDS = ['id', 'category', 'amount', 'day', 'note'];
/** Dates in the files are ISO; the script reads them as dates (as Qlik does with this format). */
const DATES = "SET DateFormat='YYYY-MM-DD';";

/** The same 5 columns everywhere (PostgreSQL and DuckDB both speak this SQL). */
const SELECT_ROWS = (n: number): string => `
  SELECT g AS id, 'category ' || (g % 97) AS category, ((g % 10007) * 0.25)::DOUBLE PRECISION AS amount,
         DATE '2020-01-01' + (g % 1500)::INTEGER AS day, 'note ' || (g % 5003) AS note
  FROM generate_series(1, ${n}) AS t(g) ORDER BY g`;

/** A cell from DuckDB, pg or exceljs as the engine holds it: dates as Qlik serials. */
function anchorCell(cell: unknown): number | string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number' || typeof cell === 'string') return cell;
  if (typeof cell === 'bigint') return Number(cell);
  if (cell instanceof DuckDBDateValue) return cell.days + UNIX_EPOCH_SERIAL;
  // pg reads a DATE as midnight local time; exceljs a date cell as midnight UTC.
  if (cell instanceof Date) {
    const utc = Date.UTC(cell.getFullYear(), cell.getMonth(), cell.getDate());
    const local = cell.getUTCHours() === 0 ? cell.getTime() : utc;
    return local / 86_400_000 + UNIX_EPOCH_SERIAL;
  }
  throw new Error(`no checksum for a ${typeof cell}: ${String(cell)}`);
}

const rowsAnswer = (rows: Iterable<readonly unknown[]>): Answer =>
  answerOfRows(rows, FIELDS.length, anchorCell);

/** The engine's side: the reload (script + data model), as an app's reload does it. */
async function reload(script: string, options: ScriptOptions): Promise<LoadedTable> {
  const result = await runScript(script, options);
  DataModel.fromTables(result.tables);
  const [table] = result.tables;
  if (!table) throw new Error('the script loaded no table');
  return table;
}

const engineSide = (script: string, options: ScriptOptions) => ({
  name: 'qlikit',
  run: () => reload(script, options),
  answer: (table: LoadedTable) => answerOfTable(table, FIELDS),
});

/** The engine's side for a database: LIB CONNECT TO the connection, then the query. */
const sqlSide = (dir: string, connections: ConnectionStore, name: string, query: string) =>
  engineSide(`${DATES} LIB CONNECT TO '${name}'; T: SQL ${query};`, {
    dataDir: dir,
    connect: (connection) => openScriptConnection(connections, connection),
  });

/** DuckDB's side for a file: its reader into a table, the rows read back untimed. */
const duckSide = (connection: DuckDBConnection, reader: string) => ({
  name: 'DuckDB',
  run: () => connection.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM ${reader}`),
  answer: async () =>
    rowsAnswer((await connection.runAndReadAll(`SELECT ${FIELDS.join(', ')} FROM t`)).getRows()),
});

async function files(dir: string, connection: DuckDBConnection): Promise<Figure[]> {
  const at = (file: string): string => path.join(dir, file);
  await connection.run(`CREATE TABLE source AS ${SELECT_ROWS(ROWS)}`);
  await connection.run(`COPY source TO '${at('rows.parquet')}' (FORMAT PARQUET)`);
  await connection.run(`COPY source TO '${at('rows.csv')}' (FORMAT CSV, HEADER)`);
  await connection.run(`COPY source TO '${at('rows.json')}' (FORMAT JSON, ARRAY true)`);
  // The QVD holds the same rows: the engine loads the Parquet file and stores them (untimed).
  await runScript(
    'T: LOAD * FROM [lib://DataFiles/rows.parquet] (parquet); STORE T INTO [lib://DataFiles/rows.qvd] (qvd);',
    { dataDir: dir },
  );
  const mb = async (file: string): Promise<string> =>
    ((await stat(at(file))).size / 1e6).toFixed(1);
  console.log(
    `\nFiles: QVD ${await mb('rows.qvd')} MB, Parquet ${await mb('rows.parquet')} MB, ` +
      `CSV ${await mb('rows.csv')} MB, JSON ${await mb('rows.json')} MB`,
  );
  const options = { dataDir: dir };
  const parquet = `read_parquet('${at('rows.parquet')}')`;
  // JSON strings stay text in the engine (dates too), so DuckDB is told the day is text.
  const json =
    `read_json('${at('rows.json')}', format = 'array', columns = {id: 'BIGINT', category: 'VARCHAR', ` +
    `amount: 'DOUBLE', day: 'VARCHAR', note: 'VARCHAR'})`;
  const comparisons: [string, string, string, string][] = [
    [
      'qvd',
      'QVD optimized load  vs  DuckDB read_parquet',
      'LOAD * FROM [lib://DataFiles/rows.qvd] (qvd)',
      parquet,
    ],
    [
      'parquet',
      'Parquet load  vs  DuckDB read_parquet',
      'LOAD * FROM [lib://DataFiles/rows.parquet] (parquet)',
      parquet,
    ],
    [
      'csv',
      'CSV load (txt, embedded labels)  vs  DuckDB read_csv',
      "LOAD * FROM [lib://DataFiles/rows.csv] (txt, utf8, embedded labels, delimiter is ',')",
      `read_csv('${at('rows.csv')}', header = true)`,
    ],
    [
      'json',
      'JSON load (streamed)  vs  DuckDB read_json',
      'LOAD * FROM [lib://DataFiles/rows.json] (json)',
      json,
    ],
  ];
  const figures: Figure[] = [];
  for (const [name, title, load, reader] of comparisons) {
    if (!wanted(name)) continue;
    const ours = engineSide(`${DATES} T: ${load};`, options);
    const theirs = duckSide(connection, reader);
    if (name !== 'json') {
      figures.push(await compare(title, ROWS, ROUNDS, ours, theirs));
      continue;
    }
    // The JSON load's threads, CPU and memory, each run of each side measured (the first is the warm-up).
    const usages = { ours: [] as (RunUsage | undefined)[], theirs: [] as (RunUsage | undefined)[] };
    const measured = <T>(side: Side<T>, list: (RunUsage | undefined)[]): Side<T> => ({
      ...side,
      run: async () => {
        const [result, usage] = await withUsage(side.run);
        list.push(usage);
        return result;
      },
    });
    figures.push(
      await compare(
        title,
        ROWS,
        ROUNDS,
        measured(ours, usages.ours),
        measured(theirs, usages.theirs),
      ),
    );
    console.log(usageLines(usages.ours.slice(1), usages.theirs.slice(1), usages.ours[0]));
  }
  return figures;
}

/** Medians of the JSON loads: CPU per thread and the resident set over a load; DuckDB's CPU beside. */
function usageLines(
  ours: readonly (RunUsage | undefined)[],
  theirs: readonly (RunUsage | undefined)[],
  first: RunUsage | undefined,
): string {
  const known = ours.filter((u): u is RunUsage => u !== undefined);
  const anchor = theirs.filter((u): u is RunUsage => u !== undefined);
  if (known.length === 0) return '  (no /proc here: no CPU per thread or peak memory)';
  const median = (list: readonly RunUsage[], pick: (u: RunUsage) => number): number => {
    const sorted = list.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  };
  const ms = (list: readonly RunUsage[], pick: (u: RunUsage) => number): string =>
    median(list, pick).toFixed(0);
  const total = (u: RunUsage): number => u.main + u.worker + u.others;
  return (
    `  CPU per load (medians of ${known.length}, all threads of the process): qlikit ${ms(known, total)} ms ` +
    `(loading thread ${ms(known, (u) => u.main)}, load worker ${ms(known, (u) => u.worker)}, ` +
    `other threads: GC... ${ms(known, (u) => u.others)}), DuckDB ${ms(anchor, total)} ms: ` +
    `ratio ${(median(known, total) / median(anchor, total)).toFixed(2)}x\n` +
    `  qlikit resident set: ${ms(known, (u) => u.rssBefore)} MB before a load, ` +
    `peak ${ms(known, (u) => u.rssPeak)} MB during it (+${ms(known, (u) => u.rssPeak - u.rssBefore)} MB); ` +
    // The first load (the warm-up) is the one that grows the process: the table, the model, the worker's heap.
    `first load: ${first?.rssBefore.toFixed(0)} MB before, peak ${first?.rssPeak.toFixed(0)} MB ` +
    `(+${first === undefined ? '?' : (first.rssPeak - first.rssBefore).toFixed(0)} MB)`
  );
}

/** The same rows (SMALL_ROWS of them) in a workbook, written by exceljs's streaming writer. */
async function writeWorkbook(file: string, connection: DuckDBConnection): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const sheet = workbook.addWorksheet('Rows');
  sheet.addRow(FIELDS).commit();
  const reader = await connection.runAndReadAll(`SELECT * FROM source WHERE id <= ${SMALL_ROWS}`);
  for (const row of reader.getRows()) {
    const day = new Date((row[3] as DuckDBDateValue).days * 86_400_000);
    sheet.addRow([Number(row[0]), row[1], row[2], day, row[4]]).commit();
  }
  await workbook.commit();
}

async function workbook(dir: string, connection: DuckDBConnection): Promise<Figure> {
  const file = path.join(dir, 'rows.xlsx');
  await writeWorkbook(file, connection);
  console.log(`\nWorkbook: ${((await stat(file)).size / 1e6).toFixed(1)} MB`);
  return compare(
    '.xlsx load (ooxml, embedded labels)  vs  exceljs alone (readFile, every row)',
    SMALL_ROWS,
    ROUNDS,
    engineSide(
      'T: LOAD * FROM [lib://DataFiles/rows.xlsx] (ooxml, embedded labels, table is Rows);',
      {
        dataDir: dir,
      },
    ),
    {
      name: 'exceljs',
      run: async () => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(file);
        const rows: unknown[][] = [];
        book.worksheets[0].eachRow((row, at) => {
          if (at > 1) rows.push((row.values as unknown[]).slice(1));
        });
        return rows;
      },
      answer: rowsAnswer,
    },
  );
}

async function duckDatabase(dir: string): Promise<Figure> {
  const file = path.join(dir, 'rows.duckdb');
  // Its own instance writes the database file, closed before the two clients open it.
  const writer = await DuckDBInstance.create(file);
  const writing = await writer.connect();
  await writing.run(`CREATE TABLE rows AS ${SELECT_ROWS(ROWS)}`);
  writing.closeSync();
  writer.closeSync();
  const connections = await ConnectionStore.open(undefined, dataDirFiles(dir));
  await connections.create({ name: 'Duck', type: 'duckdb', connectionString: 'rows.duckdb' });
  const query = `SELECT ${FIELDS.join(', ')} FROM rows`;
  // The same instance as the engine's session (DuckDB's instance cache): one database, two clients.
  // The cache hands out one instance per file only to opens with the same configuration, and the
  // engine opens database files with external access off (io/sql/openDuckDbSession.ts).
  // The instance is held until the end: a collected instance closes under its connections.
  const instance = await DuckDBInstance.fromCache(file, { enable_external_access: 'false' });
  const direct = await instance.connect();
  try {
    return await compare(
      `LIB CONNECT (DuckDB) + SQL ${query}  vs  DuckDB's client (runAndReadAll, rows)`,
      ROWS,
      ROUNDS,
      sqlSide(dir, connections, 'Duck', query),
      {
        name: 'DuckDB',
        run: async () => (await direct.runAndReadAll(query)).getRows(),
        answer: rowsAnswer,
      },
    );
  } finally {
    direct.closeSync();
    instance.closeSync();
  }
}

async function postgres(dir: string): Promise<Figure | undefined> {
  const server = await startPostgres();
  if (!server) {
    console.log('\nPostgreSQL: no QLIKIT_TEST_PG_URL and no postgresql binaries; skipped');
    return undefined;
  }
  try {
    const setup = new pg.Client({ connectionString: server.url });
    await setup.connect();
    await setup.query(
      `DROP TABLE IF EXISTS qlikit_bench_rows; CREATE TABLE qlikit_bench_rows AS ${SELECT_ROWS(ROWS)}`,
    );
    await setup.query('VACUUM ANALYZE qlikit_bench_rows');
    await setup.end();
    const connections = await ConnectionStore.open(undefined, dataDirFiles(dir));
    await connections.create({ name: 'PG', type: 'postgresql', connectionString: server.url });
    const query = `SELECT ${FIELDS.join(', ')} FROM qlikit_bench_rows ORDER BY id`;
    console.log('\nPostgreSQL server on this machine');
    return await compare(
      `LIB CONNECT (PostgreSQL) + SQL SELECT  vs  pg alone (connect, query, rows as arrays)`,
      ROWS,
      ROUNDS,
      sqlSide(dir, connections, 'PG', query),
      {
        name: 'pg',
        run: async () => {
          const client = new pg.Client({ connectionString: server.url });
          await client.connect();
          try {
            return (await client.query({ text: query, rowMode: 'array' })).rows as unknown[][];
          } finally {
            await client.end();
          }
        },
        answer: rowsAnswer,
      },
    );
  } finally {
    await server.stop();
  }
}

const dir = await mkdtemp(path.join(tmpdir(), 'qlikit-bench-sources-'));
// The load worker (CSV and JSON) is up before timing starts, as DuckDB's threads are.
const loadThreads = (await LoadWorkerPool.shared()?.whenReady()) ? 2 : 1;
console.log(
  `@qlikit/engine data-sources bench, node ${process.version}, qlikit load threads=${loadThreads}, ${new Date().toISOString()}; ` +
    `medians of ${ROUNDS} alternating rounds after a warm-up round [min–max]; ratio = qlikit / anchor (lower is better)`,
);
const duck = await DuckDBInstance.create(':memory:');
const connection = await duck.connect();
const figures: Figure[] = [];
try {
  figures.push(...(await files(dir, connection)));
  if (wanted('xlsx')) figures.push(await workbook(dir, connection));
  if (wanted('duckdb')) figures.push(await duckDatabase(dir));
  const pgFigure = wanted('postgresql') ? await postgres(dir) : undefined;
  if (pgFigure) figures.push(pgFigure);
} finally {
  connection.closeSync();
  duck.closeSync();
  await rm(dir, { recursive: true, force: true });
}
console.log('\nSummary (median ms, ratio qlikit / anchor):');
for (const f of figures)
  console.log(
    `  ${f.title.padEnd(90)} ${f.ours.toFixed(0).padStart(6)} vs ${f.theirs.toFixed(0).padStart(6)}  ${(f.ours / f.theirs).toFixed(2)}x`,
  );
