import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DataModel } from '../../src/model/DataModel.js';
import type { FieldSelection } from '../../src/selection/FieldSelection.js';
import { matchLiterals } from '../../src/selection/matchLiterals.js';
import { searchSymbols } from '../../src/selection/searchSymbols.js';
import { SelectionResult } from '../../src/selection/SelectionResult.js';
import { chartOf, type Plain } from '../aggregate/chartOf.js';
import { loadVegaModel } from './loadVega.js';

// Every query is a chart (dimensions x one measure under a selection) computed
// by the engine and by DuckDB as GROUP BY ... WHERE, compared row by row.

interface Dimension {
  readonly fields: readonly string[];
  readonly sql: readonly string[];
}
interface Measure {
  readonly qlik: string;
  readonly sql: string;
  /** Extra SQL condition that the measure's set expression adds. */
  readonly setWhere?: string;
}
interface Selection {
  readonly name: string;
  /** Per field, literal values or one search string. */
  readonly picks: Record<string, { values?: (string | number)[]; search?: string }>;
  readonly where: string;
}

const HOUR_SQL = 'CAST(substr(CAST(date AS VARCHAR), 12, 2) AS INTEGER)';
const STATUS_SQL =
  "CASE WHEN delay > 15 THEN 'late' WHEN delay < 0 THEN 'early' ELSE 'on time' END";

const dimensions: Dimension[] = [
  { fields: [], sql: [] },
  { fields: ['origin'], sql: ['origin'] },
  { fields: ['destination'], sql: ['destination'] },
  { fields: ['hour'], sql: [HOUR_SQL] },
  { fields: ['status'], sql: [STATUS_SQL] },
  { fields: ['origin', 'hour'], sql: ['origin', HOUR_SQL] },
];

const measures: Measure[] = [
  { qlik: 'Sum(delay)', sql: 'sum(delay)' },
  { qlik: 'Count(distance)', sql: 'count(distance)' },
  { qlik: 'Avg(delay)', sql: 'avg(delay)' },
  { qlik: 'Min(delay)', sql: 'min(delay)' },
  { qlik: 'Max(distance)', sql: 'max(distance)' },
  { qlik: 'Count(DISTINCT destination)', sql: 'count(DISTINCT destination)' },
  { qlik: 'Sum(delay * distance) / Sum(distance)', sql: 'sum(delay * distance) / sum(distance)' },
  { qlik: 'Sum({<distance={">=1000"}>} delay)', sql: 'sum(delay)', setWhere: 'distance >= 1000' },
  { qlik: 'Median(delay)', sql: 'median(delay)' },
  { qlik: 'Count(*)', sql: 'count(*)' },
  { qlik: 'Stdev(distance)', sql: 'stddev_samp(distance)' },
  { qlik: 'Fractile(delay, 0.9)', sql: 'quantile_cont(delay, 0.9)' },
];

const selections: Selection[] = [
  { name: 'no selection', picks: {}, where: 'true' },
  {
    name: 'origin in DFW, ORD, LAX',
    picks: { origin: { values: ['DFW', 'ORD', 'LAX'] } },
    where: "origin IN ('DFW', 'ORD', 'LAX')",
  },
  { name: 'delay > 10', picks: { delay: { search: '>10' } }, where: 'delay > 10' },
  {
    name: 'hour 6 to 9',
    picks: { hour: { values: [6, 7, 8, 9] } },
    where: `${HOUR_SQL} BETWEEN 6 AND 9`,
  },
  {
    name: 'destination SFO and early',
    picks: { destination: { values: ['SFO'] }, status: { values: ['early'] } },
    where: `destination = 'SFO' AND delay < 0`,
  },
];

const cases = dimensions.flatMap((dimension) =>
  measures.flatMap((measure) => selections.map((selection) => ({ dimension, measure, selection }))),
);

let model: DataModel;
let dispose: () => Promise<void>;
let instance: DuckDBInstance;
let duck: Awaited<ReturnType<DuckDBInstance['connect']>>;

beforeAll(async () => {
  const loaded = await loadVegaModel();
  model = loaded.model;
  dispose = loaded.dispose;
  instance = await DuckDBInstance.create(':memory:');
  duck = await instance.connect();
  await duck.run(
    `CREATE TABLE flights AS SELECT * FROM read_json('${loaded.files['flights-20k.json']}')`,
  );
  await duck.run(
    `CREATE TABLE airports AS SELECT iata, state FROM read_csv('${loaded.files['airports.csv']}', all_varchar = true) WHERE state <> 'CA'`,
  );
  await duck.run(
    `CREATE TABLE people AS SELECT * FROM read_csv('${loaded.files['lookup_people.csv']}')`,
  );
  await duck.run(
    `CREATE TABLE groups AS SELECT * FROM read_csv('${loaded.files['lookup_groups.csv']}')`,
  );
});

afterAll(async () => {
  duck?.closeSync();
  instance?.closeSync();
  await dispose?.();
});

function stateOf(selection: Selection): SelectionResult {
  const map = new Map<number, FieldSelection>();
  for (const [name, pick] of Object.entries(selection.picks)) {
    const field = model.field(name);
    const values =
      pick.search !== undefined
        ? searchSymbols(field, pick.search)
        : matchLiterals(field, pick.values!);
    map.set(field.index, { values, locked: false });
  }
  return SelectionResult.fromSelections(model, map);
}

async function sqlRows(sql: string): Promise<Plain[][]> {
  const reader = await duck.runAndReadAll(sql);
  return reader
    .getRowsJS()
    .map((row) =>
      row.map((cell) =>
        cell === null ? null : typeof cell === 'bigint' ? Number(cell) : (cell as string | number),
      ),
    );
}

/** Compares engine rows with DuckDB rows keyed by the dimension texts; engine-only rows must be 0 or null. */
function compareRows(engine: Plain[][], oracle: Plain[][], dims: number): string[] {
  const problems: string[] = [];
  const keyOf = (row: Plain[]) =>
    JSON.stringify(row.slice(0, dims).map((cell) => (cell === null ? null : String(cell))));
  const expected = new Map(oracle.map((row) => [keyOf(row), row[dims]!]));
  const seen = new Set<string>();
  for (const row of engine) {
    const key = keyOf(row);
    seen.add(key);
    const actual = row[dims]!;
    if (!expected.has(key)) {
      if (actual !== null && actual !== 0)
        problems.push(`${key}: engine ${actual}, DuckDB has no row`);
      continue;
    }
    const want = expected.get(key)!;
    if (!sameNumber(actual, want)) problems.push(`${key}: engine ${actual}, DuckDB ${want}`);
  }
  for (const key of expected.keys())
    if (!seen.has(key)) problems.push(`${key}: missing in the engine`);
  return problems;
}

function sameNumber(a: Plain, b: Plain): boolean {
  if (a === null || b === null) return a === b;
  const x = Number(a);
  const y = Number(b);
  return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}

describe('flights-20k: engine charts equal DuckDB GROUP BY', () => {
  test('the script loaded all 20,000 flights', () => {
    expect(model.table('Flights').rowCount).toBe(20_000);
  });

  test.each(
    cases.map(
      (c) =>
        [
          `${c.measure.qlik} by [${c.dimension.fields.join(', ')}] where ${c.selection.name}`,
          c,
        ] as const,
    ),
  )('%s', async (_name, { dimension, measure, selection }) => {
    const { rows } = chartOf(model, stateOf(selection), dimension.fields, [measure.qlik]);
    const where = measure.setWhere
      ? `(${selection.where}) AND ${measure.setWhere}`
      : selection.where;
    const groupBy = dimension.sql.length ? `GROUP BY ${dimension.sql.join(', ')}` : '';
    const select = [...dimension.sql, measure.sql].join(', ');
    const oracle = await sqlRows(`SELECT ${select} FROM flights WHERE ${where} ${groupBy}`);
    const fixedOracle = dimension.fields.length === 0 && oracle.length === 0 ? [[0]] : oracle;
    expect(compareRows(rows, fixedOracle, dimension.fields.length)).toEqual([]);
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe('TOTAL and Aggr equal DuckDB window functions and subqueries', () => {
  test.each(selections.map((selection) => [selection.name, selection] as const))(
    'share of the total delay per origin where %s',
    async (_name, selection) => {
      const { rows } = chartOf(
        model,
        stateOf(selection),
        ['origin'],
        ['Sum(delay) / Sum(TOTAL delay)'],
      );
      const oracle = await sqlRows(
        `SELECT origin, sum(delay) / sum(sum(delay)) OVER () FROM flights WHERE ${selection.where} GROUP BY origin`,
      );
      expect(compareRows(rows, oracle, 1)).toEqual([]);
    },
  );

  test.each(selections.map((selection) => [selection.name, selection] as const))(
    'average and largest per-destination delay sum, per origin, where %s',
    async (_name, selection) => {
      const { rows } = chartOf(
        model,
        stateOf(selection),
        ['origin'],
        ['Avg(Aggr(Sum(delay), destination))', 'Max(Aggr(Sum(delay), destination))'],
      );
      const oracle = await sqlRows(
        `SELECT origin, avg(s), max(s) FROM (SELECT origin, destination, sum(delay) AS s FROM flights
         WHERE ${selection.where} GROUP BY origin, destination) GROUP BY origin`,
      );
      const averages = rows.map((row) => [row[0]!, row[1]!]);
      const maxima = rows.map((row) => [row[0]!, row[2]!]);
      expect(
        compareRows(
          averages,
          oracle.map((row) => [row[0]!, row[1]!]),
          1,
        ),
      ).toEqual([]);
      expect(
        compareRows(
          maxima,
          oracle.map((row) => [row[0]!, row[2]!]),
          1,
        ),
      ).toEqual([]);
    },
  );

  test.each(selections.map((selection) => [selection.name, selection] as const))(
    'Sum(TOTAL <hour> delay) by origin and hour where %s',
    async (_name, selection) => {
      const { rows } = chartOf(
        model,
        stateOf(selection),
        ['origin', 'hour'],
        ['Sum(TOTAL <hour> delay)'],
      );
      const oracle = await sqlRows(
        `SELECT origin, ${HOUR_SQL}, sum(sum(delay)) OVER (PARTITION BY ${HOUR_SQL}) FROM flights
         WHERE ${selection.where} GROUP BY origin, ${HOUR_SQL}`,
      );
      expect(compareRows(rows, oracle, 2)).toEqual([]);
    },
  );
});

// Qlik associates tables as a full outer join: measure rows that match no dimension row
// group under a null dimension value, which a LEFT JOIN from the measure's table gives.
describe('associated tables: engine joins equal DuckDB joins', () => {
  test.each([
    ['Sum(delay)', 'sum(f.delay)'],
    ['Count(destination)', 'count(f.destination)'],
    ['Max(distance)', 'max(f.distance)'],
  ])('%s by origin_state over flights x airports', async (qlik, sql) => {
    const { rows } = chartOf(model, stateOf(selections[0]!), ['origin_state'], [qlik]);
    const oracle = await sqlRows(
      `SELECT a.state, ${sql} FROM flights f LEFT JOIN airports a ON f.origin = a.iata GROUP BY a.state`,
    );
    // California's airports are left out of the model: its flights group under a null state.
    expect(rows.some((row) => row[0] === null)).toBe(true);
    expect(compareRows(rows, oracle, 1)).toEqual([]);
  });

  test.each([
    ['Avg(age)', 'avg(p.age)'],
    ['Sum(height)', 'sum(p.height)'],
    ['Count(DISTINCT person)', 'count(DISTINCT p.name)'],
  ])('%s by group over the lookup people and groups', async (qlik, sql) => {
    const { rows } = chartOf(model, stateOf(selections[0]!), ['group'], [qlik]);
    const oracle = await sqlRows(
      `SELECT g."group", ${sql} FROM people p LEFT JOIN groups g ON g.person = p.name GROUP BY g."group"`,
    );
    expect(compareRows(rows, oracle, 1)).toEqual([]);
  });
});
