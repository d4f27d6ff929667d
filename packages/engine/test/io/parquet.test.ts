import { DuckDBInstance } from '@duckdb/node-api';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../../src/script/runScript.js';
import { Dual } from '../../src/value/Value.js';
import { makeDataDir, tableOf } from '../script/scriptTestKit.js';

let dataDir: string;
let dispose: () => Promise<void>;
const JAN31 = 45322;

beforeAll(async () => {
  ({ dir: dataDir, dispose } = await makeDataDir());
  // A file written by another Parquet writer: DuckDB's, with two row groups.
  const duck = await DuckDBInstance.create(':memory:');
  const connection = await duck.connect();
  await connection.run(`
    COPY (SELECT range::INTEGER AS id, range * 1.5 AS x, 'n' || range AS name,
                 DATE '2024-01-31' + range::INTEGER AS day,
                 TIMESTAMP '2024-01-31 12:00:00' AS at, range % 2 = 0 AS even,
                 CASE WHEN range = 3 THEN NULL ELSE range::BIGINT * 10000000000 END AS big,
                 12.25::DECIMAL(6,2) AS price
          FROM range(5000))
    TO '${path.join(dataDir, 'duck.parquet')}' (FORMAT PARQUET, ROW_GROUP_SIZE 2048);`);
  connection.closeSync();
  duck.closeSync();
});
afterAll(() => dispose());

const run = (script: string) => runScript(script, { dataDir });

describe('Parquet', () => {
  it('reads a file DuckDB wrote, every type as a Qlik value, all row groups', async () => {
    const result = await run(`P: LOAD * FROM [lib://DataFiles/duck.parquet] (parquet);`);
    const table = tableOf(result, 'P');
    expect(table.fields).toEqual(['id', 'x', 'name', 'day', 'at', 'even', 'big', 'price']);
    expect(table.rows.length).toBe(5000);
    expect(table.rows[0]).toEqual([
      0,
      0,
      'n0',
      new Dual('2024-01-31', JAN31),
      new Dual('2024-01-31 12:00:00', JAN31 + 0.5),
      new Dual('true', -1),
      0,
      12.25,
    ]);
    expect(table.rows[3][6]).toBeNull();
    expect(table.rows[4999].slice(0, 4)).toEqual([
      4999,
      7498.5,
      'n4999',
      new Dual('2037-10-08', JAN31 + 4999),
    ]);
  });

  it('STORE (parquet) writes typed columns that load back to the same values', async () => {
    const result = await run(`
      T: LOAD RecNo() as n, RecNo() / 4 as q, 'item ' & RecNo() as label,
         Date(MakeDate(2024, 1, 1) + RecNo()) as day, If(Mod(RecNo(), 3) = 0, Null(), RecNo() * 1e10) as big
      AUTOGENERATE 3000;
      STORE T INTO [lib://DataFiles/t.parquet] (parquet);
      Back: NoConcatenate LOAD * FROM [lib://DataFiles/t.parquet] (parquet);`);
    expect(tableOf(result, 'Back')).toEqual(tableOf(result, 'T'));
    // DuckDB reads the file and sees the types.
    const duck = await DuckDBInstance.create(':memory:');
    const connection = await duck.connect();
    const reader = await connection.runAndReadAll(
      `SELECT typeof(n), typeof(q), typeof(label), typeof(day), typeof(big), count(*) OVER () FROM '${path.join(dataDir, 't.parquet')}' LIMIT 1`,
    );
    expect(reader.getRowsJS()[0].map(String)).toEqual([
      'INTEGER',
      'DOUBLE',
      'VARCHAR',
      'DATE',
      'BIGINT',
      '3000',
    ]);
    connection.closeSync();
    duck.closeSync();
  });

  it('fails with SCRIPT_FILE_FORMAT for a file that is no Parquet', async () => {
    await writeFile(path.join(dataDir, 'fake.parquet'), 'not parquet at all');
    await expect(run(`T: LOAD * FROM [fake.parquet] (parquet);`)).rejects.toMatchObject({
      code: 'SCRIPT_FILE_FORMAT',
    });
  });
});
