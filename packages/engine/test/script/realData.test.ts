import { DuckDBInstance } from '@duckdb/node-api';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedTable } from '../../src/model/LoadedTable.js';
import { runScript } from '../../src/script/runScript.js';
import type { ScriptResult } from '../../src/script/ScriptOptions.js';
import { toNumber } from '../../src/value/toNumber.js';
import { toText } from '../../src/value/toText.js';
import type { Value } from '../../src/value/Value.js';
import { makeDataDir, tableOf } from './scriptTestKit.js';

// The repo root's node_modules, four levels up from this file.
const vegaData = path.resolve(import.meta.dirname, '../../../../node_modules/vega-datasets/data');

let dataDir: string;
let dispose: () => Promise<void>;
let result: ScriptResult;
let duck: Awaited<ReturnType<DuckDBInstance['connect']>>;
let instance: DuckDBInstance;

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const reader = await duck.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

function table(name: string): LoadedTable {
  const found = result.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name}`);
  return found;
}

function columnValues(t: LoadedTable, field: string): Value[] {
  const column = t.columns.find((c) => c.name === field);
  if (!column) throw new Error(`no field ${field}`);
  return Array.from(column.indexes.subarray(0, t.rowCount), (i) =>
    i < 0 ? null : column.values[i],
  );
}

beforeAll(async () => {
  ({ dir: dataDir, dispose } = await makeDataDir());
  await copyFile(path.join(vegaData, 'airports.csv'), path.join(dataDir, 'airports.csv'));
  await copyFile(path.join(vegaData, 'flights-2k.json'), path.join(dataDir, 'flights-2k.json'));
  result = await runScript(
    `
    Airports: LOAD * FROM [lib://DataFiles/airports.csv] (txt, utf8, embedded labels, delimiter is ',', msq);
    Flights: LOAD origin, destination, delay, distance, date FROM [lib://DataFiles/flights-2k.json] (json);
    LEFT JOIN (Flights) LOAD iata as origin, state as origin_state RESIDENT Airports;
    ByState: LOAD origin_state, Sum(delay) as total_delay, Count(delay) as flights, Max(distance) as longest
      RESIDENT Flights GROUP BY origin_state;`,
    { dataDir },
  );
  instance = await DuckDBInstance.create(':memory:');
  duck = await instance.connect();
  await duck.run(
    `CREATE TABLE airports AS SELECT * FROM read_csv('${path.join(dataDir, 'airports.csv')}', all_varchar = true)`,
  );
  await duck.run(
    `CREATE TABLE flights AS SELECT * FROM read_json('${path.join(dataDir, 'flights-2k.json')}')`,
  );
});

afterAll(async () => {
  duck?.closeSync();
  instance?.closeSync();
  await dispose();
});

describe('real data from vega-datasets against DuckDB', () => {
  it('loads as many rows as DuckDB reads', async () => {
    const [{ airports, flights }] = await query(
      'SELECT (SELECT count(*) FROM airports) AS airports, (SELECT count(*) FROM flights) AS flights',
    );
    expect(table('Airports').rowCount).toBe(Number(airports));
    expect(table('Flights').rowCount).toBe(Number(flights));
    expect(table('Airports').columns.map((c) => c.name)).toEqual([
      'iata',
      'name',
      'city',
      'state',
      'country',
      'latitude',
      'longitude',
    ]);
  });

  it('has the same distinct states and the same latitude sum', async () => {
    const [{ states, latitudes }] = await query(
      'SELECT count(DISTINCT state) AS states, sum(CAST(latitude AS DOUBLE)) AS latitudes FROM airports',
    );
    const ours = columnValues(table('Airports'), 'state').filter((v) => v !== null && v !== '');
    expect(new Set(ours.map(toText)).size).toBe(Number(states));
    const latitudeSum = columnValues(table('Airports'), 'latitude').reduce<number>(
      (sum, v) => sum + toNumber(v),
      0,
    );
    expect(latitudeSum).toBeCloseTo(Number(latitudes), 6);
  });

  it('sums delays per origin state like DuckDB after the join', async () => {
    const expected = await query(`
      SELECT a.state AS state, sum(f.delay) AS total, count(f.delay) AS n, max(f.distance) AS longest
      FROM flights f LEFT JOIN airports a ON a.iata = f.origin
      GROUP BY a.state ORDER BY a.state`);
    const ours = tableOf(result, 'ByState').rows.map(([state, total, n, longest]) => ({
      state: state === null ? null : toText(state),
      total: toNumber(total),
      n: toNumber(n),
      longest: toNumber(longest),
    }));
    ours.sort((a, b) => (a.state ?? '\uffff').localeCompare(b.state ?? '\uffff'));
    const theirs = expected.map((row) => ({
      state: row.state === null ? null : String(row.state),
      total: Number(row.total),
      n: Number(row.n),
      longest: Number(row.longest),
    }));
    theirs.sort((a, b) => (a.state ?? '\uffff').localeCompare(b.state ?? '\uffff'));
    expect(ours).toEqual(theirs);
  });
});
