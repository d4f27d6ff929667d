import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import pg from 'pg';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDirFiles } from '../../src/io/DataFiles.js';
import { ConnectionStore } from '../../src/io/sql/ConnectionStore.js';
import { openScriptConnection } from '../../src/script/openScriptConnection.js';
import { runScript } from '../../src/script/runScript.js';
import { Dual } from '../../src/value/Value.js';
import { makeDataDir, tableOf } from '../script/scriptTestKit.js';
import { startPostgres, type TestPostgres } from './postgresServer.js';

let dataDir: string;
let dispose: () => Promise<void>;
let connections: ConnectionStore;
let postgres: TestPostgres | undefined;

// 2024-01-31 is Qlik day 45322.
const JAN31 = 45322;

beforeAll(async () => {
  ({ dir: dataDir, dispose } = await makeDataDir());
  const sqlite = new Database(path.join(dataDir, 'shop.db'));
  sqlite.exec(`
    CREATE TABLE orders (id INTEGER, day DATE, amount REAL, note TEXT, big INTEGER);
    INSERT INTO orders VALUES (1, '2024-01-31', 10.5, 'first', 9007199254740991),
                              (2, '2024-02-01 08:30:00', NULL, NULL, 2),
                              (3, NULL, -1, 'third', 3);`);
  sqlite.close();
  const duck = await DuckDBInstance.create(path.join(dataDir, 'shop.duckdb'));
  const duckConnection = await duck.connect();
  await duckConnection.run(`
    CREATE TABLE orders AS SELECT * FROM (VALUES
      (1, DATE '2024-01-31', TIMESTAMP '2024-01-31 12:00:00', 10.50::DECIMAL(10,2), true, 'first'),
      (2, DATE '2024-02-01', NULL, NULL, false, NULL)) t(id, day, "at", amount, paid, note);`);
  duckConnection.closeSync();
  duck.closeSync();
  connections = await ConnectionStore.open(undefined, dataDirFiles(dataDir));
  await connections.create({
    name: 'Shop',
    type: 'sqlite',
    connectionString: 'lib://DataFiles/shop.db',
  });
  await connections.create({ name: 'Duck', type: 'duckdb', connectionString: 'shop.duckdb' });
  postgres = await startPostgres();
  if (postgres) {
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    await client.query(`
      DROP TABLE IF EXISTS qlikit_orders;
      CREATE TABLE qlikit_orders (id int, amount numeric(10,2), day date, at timestamp, at_tz timestamptz,
        paid boolean, note text, big bigint);
      INSERT INTO qlikit_orders VALUES
        (1, 10.50, '2024-01-31', '2024-01-31 12:00:00', '2024-01-31 12:00:00+02', true, 'first', 9007199254740991),
        (2, NULL, NULL, NULL, NULL, false, NULL, 2);`);
    await client.end();
    await connections.create({ name: 'PG', type: 'postgresql', connectionString: postgres.url });
  }
}, 60_000);

afterAll(async () => {
  await postgres?.stop();
  await dispose();
});

const run = (script: string) =>
  runScript(script, { dataDir, connect: (name) => openScriptConnection(connections, name) });

describe('LIB CONNECT TO and SQL SELECT', () => {
  it('loads from SQLite, with a preceding LOAD on top and dates as duals', async () => {
    const result = await run(`
      LIB CONNECT TO 'Shop';
      Orders: LOAD id, day, Year(day) as year, amount * 2 as twice, note, big;
      SQL SELECT * FROM orders ORDER BY id;`);
    expect(tableOf(result, 'Orders')).toEqual({
      fields: ['id', 'day', 'year', 'twice', 'note', 'big'],
      rows: [
        [1, new Dual('2024-01-31', JAN31), 2024, 21, 'first', 9007199254740991],
        [2, new Dual('2024-02-01 08:30:00', JAN31 + 1 + 8.5 / 24), 2024, null, null, 2],
        [3, null, null, -2, 'third', 3],
      ],
    });
    expect(result.log).toContainEqual(expect.stringMatching(/^Orders << .*3 Lines fetched$/));
  });

  it('loads from DuckDB: DATE, TIMESTAMP, DECIMAL and BOOLEAN become Qlik values', async () => {
    const result = await run(`
      SET DateFormat='DD/MM/YYYY';
      LIB CONNECT TO 'duck';
      SQL SELECT * FROM orders ORDER BY id;`);
    expect(tableOf(result, 'orders')).toEqual({
      fields: ['id', 'day', 'at', 'amount', 'paid', 'note'],
      rows: [
        [
          1,
          new Dual('31/01/2024', JAN31),
          new Dual('2024-01-31 12:00:00', JAN31 + 0.5),
          10.5,
          new Dual('true', -1),
          'first',
        ],
        [2, new Dual('01/02/2024', JAN31 + 1), null, null, new Dual('false', 0), null],
      ],
    });
  });

  it('streams many rows in batches and sends statements that return none', async () => {
    const result = await run(`
      LIB CONNECT TO 'Duck';
      SQL CREATE OR REPLACE TABLE numbers AS SELECT range AS n FROM range(50000);
      Numbers: SQL SELECT n, n % 7 AS m FROM numbers ORDER BY n;`);
    const numbers = tableOf(result, 'Numbers');
    expect(numbers.rows.length).toBe(50000);
    expect(numbers.rows[49999]).toEqual([49999, 49999 % 7]);
  });

  it('fails clearly: no such connection, SQL before any connection, a bad statement', async () => {
    await expect(run(`LIB CONNECT TO 'Nope';`)).rejects.toMatchObject({
      code: 'SCRIPT_CONNECTION_NOT_FOUND',
    });
    await expect(run(`SQL SELECT 1;`)).rejects.toMatchObject({
      code: 'SCRIPT_RUNTIME',
      message: expect.stringContaining('LIB CONNECT TO'),
    });
    await expect(run(`LIB CONNECT TO 'Shop';\nSQL SELECT * FROM missing;`)).rejects.toMatchObject({
      code: 'SCRIPT_SQL_ERROR',
      line: 2,
      message: expect.stringContaining('no such table: missing'),
    });
    await expect(runScript(`LIB CONNECT TO 'Shop';`, { dataDir })).rejects.toMatchObject({
      code: 'SCRIPT_NOT_SUPPORTED',
    });
  });
});

// A real server: one .ci/run started (QLIKIT_TEST_PG_URL), else a cluster of Debian's postgresql made here.
const canRunPostgres = Boolean(process.env.QLIKIT_TEST_PG_URL) || existsSync('/usr/lib/postgresql');
if (!canRunPostgres)
  console.warn('Skipping the PostgreSQL tests: no server and no postgresql binaries.');

describe.skipIf(!canRunPostgres)('PostgreSQL', () => {
  it('loads through a cursor: numeric, date, timestamp(tz), boolean, bigint', async () => {
    const result = await run(`
      LIB CONNECT TO 'PG';
      T: LOAD *, day + 1 as next;
      SQL SELECT * FROM qlikit_orders ORDER BY id;`);
    expect(tableOf(result, 'T')).toEqual({
      fields: ['id', 'amount', 'day', 'at', 'at_tz', 'paid', 'note', 'big', 'next'],
      rows: [
        [
          1,
          10.5,
          new Dual('2024-01-31', JAN31),
          new Dual('2024-01-31 12:00:00', JAN31 + 0.5),
          new Dual('2024-01-31 10:00:00', JAN31 + 10 / 24),
          new Dual('true', -1),
          'first',
          9007199254740991,
          JAN31 + 1,
        ],
        [2, null, null, null, null, new Dual('false', 0), null, 2, null],
      ],
    });
  });

  it('streams 100,000 rows from generate_series', async () => {
    const result = await run(`
      LIB CONNECT TO 'PG';
      S: SQL SELECT g AS n, g % 10 AS d FROM generate_series(1, 100000) g;`);
    const rows = tableOf(result, 'S').rows;
    expect(rows.length).toBe(100000);
    expect(rows[99999]).toEqual([100000, 0]);
  });

  it('fails with SCRIPT_CONNECTION_FAILED when the server refuses the connection', async () => {
    const store = await ConnectionStore.open(undefined, dataDirFiles(dataDir));
    await store.create({
      name: 'Down',
      type: 'postgresql',
      connectionString: 'postgresql://127.0.0.1:1/x',
    });
    await expect(
      runScript(`LIB CONNECT TO 'Down';`, {
        dataDir,
        connect: (name) => openScriptConnection(store, name),
      }),
    ).rejects.toMatchObject({
      code: 'SCRIPT_CONNECTION_FAILED',
    });
  });
});
