import { describe, expect, test } from 'vitest';
import { DataModel } from '../../src/model/DataModel.js';
import type { Value } from '../../src/value/Value.js';
import { chartOf, selectValues } from './chartOf.js';
import { tableOf } from './tableOf.js';

// Aggr over dimensions that give every frame row a group of its own (the bench's
// Avg(Aggr(Sum(A), D2, K)) after a selection): the outer aggregation reads each row's
// chart group directly, and a grand total sums in one pass.
const rows: Value[][] = [];
for (let i = 0; i < 240; i++) {
  // Region cycles through 3 values and Id through 80, so (Region, Id) is unique per row;
  // every 7th amount is null, so some inner sums are 0 rather than absent.
  rows.push([
    ['North', 'South', 'West'][i % 3]!,
    i % 80,
    i % 7 === 0 ? null : (i * 37) % 101,
    i % 2,
  ]);
}
const model = DataModel.fromTables([tableOf('T', ['Region', 'Id', 'Amount', 'Half'], rows)]);

// Avg of the inner sums per region, worked out by hand from the rows.
function expected(keep: (row: Value[]) => boolean) {
  const perRegion = new Map<string, { sum: number; count: number }>();
  let sum = 0;
  let count = 0;
  for (const row of rows.filter(keep)) {
    const inner = (row[2] as number | null) ?? 0;
    const entry = perRegion.get(row[0] as string) ?? { sum: 0, count: 0 };
    entry.sum += inner;
    entry.count++;
    perRegion.set(row[0] as string, entry);
    sum += inner;
    count++;
  }
  const byRegion = [...perRegion].sort(([a], [b]) => a.localeCompare(b));
  return { rows: byRegion.map(([region, e]) => [region, e.sum / e.count]), total: sum / count };
}

describe('Aggr with one frame row per inner group', () => {
  test('Avg(Aggr(Sum(x), dim, key)) by dim, with its grand total', () => {
    const chart = chartOf(
      model,
      selectValues(model),
      ['Region'],
      ['Avg(Aggr(Sum(Amount), Region, Id))'],
    );
    const want = expected(() => true);
    expect(chart.rows.map(([r, v]) => [r, v])).toEqual(
      want.rows.map(([r, v]) => [r, expect.closeTo(v as number, 9)]),
    );
    expect(chart.totals[0]).toBeCloseTo(want.total, 9);
  });

  test('after a selection, and against the same Aggr when groups repeat rows', () => {
    const state = selectValues(model, { Half: [1] });
    const chart = chartOf(model, state, ['Region'], ['Avg(Aggr(Sum(Amount), Region, Id))']);
    const want = expected((row) => row[3] === 1);
    expect(chart.rows.map(([r, v]) => [r, v])).toEqual(
      want.rows.map(([r, v]) => [r, expect.closeTo(v as number, 9)]),
    );
    expect(chart.totals[0]).toBeCloseTo(want.total, 9);
    // Without the selection, (Region, Half) groups hold many rows each: the parents come
    // from the rows, and the averages are of those groups' sums.
    const repeated = chartOf(
      model,
      selectValues(model),
      ['Region'],
      ['Avg(Aggr(Sum(Amount), Region, Half))'],
    );
    const sums = new Map<string, number>();
    for (const row of rows) {
      const key = `${row[0]}|${row[3]}`;
      sums.set(key, (sums.get(key) ?? 0) + ((row[2] as number | null) ?? 0));
    }
    for (const [region, value] of repeated.rows) {
      expect(value).toBeCloseTo((sums.get(`${region}|0`)! + sums.get(`${region}|1`)!) / 2, 9);
    }
  });

  test('Sum, Min, Max and Count of the inner sums: a null amount is an inner sum of 0', () => {
    const measures = ['Sum', 'Min', 'Max', 'Count'].map(
      (outer) => `${outer}(Aggr(Sum(Amount), Region, Id))`,
    );
    const chart = chartOf(model, selectValues(model, { Half: [0] }), ['Region'], measures);
    const inner = new Map<string, number[]>();
    for (const row of rows.filter((r) => r[3] === 0)) {
      const list = inner.get(row[0] as string) ?? [];
      list.push((row[2] as number | null) ?? 0);
      inner.set(row[0] as string, list);
    }
    const want = [...inner]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([region, sums]) => [
        region,
        sums.reduce((a, b) => a + b, 0),
        Math.min(...sums),
        Math.max(...sums),
        sums.length,
      ]);
    expect(chart.rows).toEqual(want);
  });
});

test('an Aggr table with one row per group still refuses other per-record arguments', () => {
  expect(() =>
    chartOf(
      model,
      selectValues(model),
      ['Region'],
      ['FirstSortedValue(Aggr(Sum(Amount), Region, Id), Id)'],
    ),
  ).toThrow(/cannot combine an Aggr\(\) table/);
});
