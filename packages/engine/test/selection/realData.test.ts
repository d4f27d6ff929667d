import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataModel } from '../../src/model/DataModel.js';
import type { LoadedTable } from '../../src/model/LoadedTable.js';
import { SelectionState } from '../../src/selection/SelectionState.js';
import type { Value } from '../../src/value/Value.js';
import { loadedTable } from '../model/tableFixture.js';
import { possibleTexts, statesOf } from './stateHelpers.js';

const dataDir = fileURLToPath(
  new URL('../../../../node_modules/vega-datasets/data/', import.meta.url),
);
const peopleCsv = `${dataDir}lookup_people.csv`;
const groupsCsv = `${dataDir}lookup_groups.csv`;

/** A minimal CSV read (these files have no quoting): numbers become numbers, renames applied to the header. */
function readCsv(
  path: string,
  tableName: string,
  rename: Record<string, string> = {},
): LoadedTable {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const rows = lines.map((line) =>
    line.split(',').map((cell): Value => (/^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)),
  );
  return loadedTable(
    tableName,
    header.split(',').map((name) => rename[name] ?? name),
    rows,
  );
}

describe('selections on vega-datasets lookup_people / lookup_groups, checked against DuckDB', () => {
  // The load script would say `LOAD group, person AS name`: that is what makes `name` the key.
  const model = DataModel.fromTables([
    readCsv(peopleCsv, 'People'),
    readCsv(groupsCsv, 'Groups', { person: 'name' }),
  ]);
  let instance: DuckDBInstance;
  let query: (sql: string) => Promise<Record<string, unknown>[]>;

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE people AS SELECT * FROM read_csv_auto('${peopleCsv}')`);
    await connection.run(`CREATE TABLE groups AS SELECT * FROM read_csv_auto('${groupsCsv}')`);
    query = async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS();
  });

  afterAll(() => instance?.closeSync());

  it('associates the two tables through the renamed key', () => {
    expect(model.field('name').tags).toContain('$key');
    expect(model.associations.map((a) => `${a.from.name}-${a.field.name}-${a.to.name}`)).toEqual([
      'People-name-Groups',
    ]);
  });

  it('propagates a group selection to the people and their ages', async () => {
    const state = new SelectionState(model);
    state.selectValues('group', [2]);
    const expected = await query(
      `SELECT p.name, p.age FROM people p JOIN groups g ON p.name = g.person WHERE g."group" = 2 ORDER BY p.name`,
    );
    expect(expected.map((row) => row.name)).toEqual(['Nick', 'Steve', 'Will']);
    const result = state.result();
    expect(possibleTexts(result, 'People', 'name').sort()).toEqual(expected.map((row) => row.name));
    const ages = statesOf(result, 'age');
    const possibleAges = Object.keys(ages).filter((age) => ages[age] === 'O');
    expect(possibleAges.map(Number).sort()).toEqual(expected.map((row) => Number(row.age)).sort());
    expect(result.stateCounts('name').qOption).toBe(expected.length);
    expect(result.stateCounts('name').qExcluded).toBe(
      model.field('name').cardinality - expected.length,
    );
  });

  it('propagates a numeric search back to the groups and marks the other groups', async () => {
    const state = new SelectionState(model);
    state.search('age', '>40');
    const groups = await query(
      `SELECT DISTINCT g."group" AS grp FROM groups g JOIN people p ON p.name = g.person WHERE p.age > 40 ORDER BY 1`,
    );
    const possibleGroups = Object.entries(statesOf(state.result(), 'group'))
      .filter(([, s]) => s === 'O')
      .map(([text]) => Number(text));
    expect(possibleGroups).toEqual(groups.map((row) => Number(row.grp)));

    state.selectValues('group', [3]);
    const both = await query(
      `SELECT p.name FROM people p JOIN groups g ON p.name = g.person WHERE p.age > 40 AND g."group" = 3 ORDER BY 1`,
    );
    expect(possibleTexts(state.result(), 'People', 'name').sort()).toEqual(
      both.map((row) => row.name),
    );
    const alternativeGroups = await query(
      `SELECT DISTINCT g."group" AS grp FROM groups g JOIN people p ON p.name = g.person
       WHERE p.age > 40 AND g."group" <> 3 ORDER BY 1`,
    );
    const groupStates = statesOf(state.result(), 'group');
    expect(
      Object.keys(groupStates)
        .filter((g) => groupStates[g] === 'A')
        .map(Number),
    ).toEqual(alternativeGroups.map((row) => Number(row.grp)));
  });
});
