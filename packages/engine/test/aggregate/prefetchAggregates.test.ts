import { describe, expect, test } from 'vitest';
import { DataModel } from '../../src/model/DataModel.js';
import type { Value } from '../../src/value/Value.js';
import { chartOf, selectValues } from './chartOf.js';
import { tableOf } from './tableOf.js';

// D is the chart's dimension; D=4 has no C='x' row among the selected ones
// (Sel 0..2), so a set on C leaves that chart row without records.
interface Row {
  readonly D: number;
  readonly A: number | null;
  readonly B: number;
  readonly C: string;
  readonly Sel: number;
}
const ROWS: Row[] = Array.from({ length: 240 }, (_, i) => ({
  D: i % 5,
  A: i % 11 === 0 ? null : ((i * 7) % 23) / 4 - 2,
  B: (i * 5) % 9,
  C: i % 5 === 4 && i % 4 !== 3 ? 'y' : ['x', 'y', 'z'][i % 3]!,
  Sel: i % 4,
}));
const model = DataModel.fromTables([
  tableOf(
    'T',
    ['D', 'A', 'B', 'C', 'Sel'],
    ROWS.map((r) => [r.D, r.A, r.B, r.C, r.Sel]),
  ),
]);

// Each measure with the rows its set keeps, given the selected rows, and its per-row number.
const MEASURES: {
  measure: string;
  op: 'sum' | 'avg' | 'min' | 'max' | 'count';
  keep: (row: Row, selected: boolean) => boolean;
  value: (row: Row) => number | null;
}[] = [
  { measure: 'Sum({1} A)', op: 'sum', keep: () => true, value: (r) => r.A },
  {
    measure: "Avg({<C={'x'}>} A)",
    op: 'avg',
    keep: (r, s) => s && r.C === 'x',
    value: (r) => r.A,
  },
  { measure: 'Min({1} A*B)', op: 'min', keep: () => true, value: (r) => product(r) },
  {
    measure: "Count({<C={'x'}>} A)",
    op: 'count',
    keep: (r, s) => s && r.C === 'x',
    value: (r) => r.A,
  },
  {
    measure: "Max({$<C-={'x'}>} B-A)",
    op: 'max',
    keep: (r, s) => s && r.C !== 'x',
    value: (r) => (r.A === null ? null : r.B - r.A),
  },
  {
    measure: "Sum({<C={'x'}>} A*B)",
    op: 'sum',
    keep: (r, s) => s && r.C === 'x',
    value: (r) => product(r),
  },
  { measure: 'Avg(A*B)', op: 'avg', keep: (_, s) => s, value: (r) => product(r) },
];

function product(row: Row): number | null {
  return row.A === null ? null : row.A * row.B;
}

function aggregate(op: string, rows: readonly Row[], value: (row: Row) => number | null): Value {
  const nums = rows.map(value).filter((v): v is number => v !== null);
  if (op === 'count') return nums.length;
  if (op === 'sum') return nums.reduce((a, b) => a + b, 0);
  if (nums.length === 0) return null;
  if (op === 'avg') return nums.reduce((a, b) => a + b, 0) / nums.length;
  return op === 'min' ? Math.min(...nums) : Math.max(...nums);
}

describe('aggregations computed ahead for a chart', () => {
  test('sets and expressions give, per chart row and in total, the aggregation of the rows they keep', () => {
    const picked = [0, 1, 2];
    const state = selectValues(model, { Sel: picked });
    const chart = chartOf(
      model,
      state,
      ['D'],
      MEASURES.map((m) => m.measure),
    );
    const selected = (row: Row) => picked.includes(row.Sel);
    const dims = [...new Set(ROWS.filter(selected).map((row) => row.D))].sort();
    expect(chart.rows.map((row) => Number(row[0]))).toEqual(dims);
    MEASURES.forEach(({ measure, op, keep, value }, m) => {
      dims.forEach((d, r) => {
        const rows = ROWS.filter((row) => row.D === d && keep(row, selected(row)));
        const expected = aggregate(op, rows, value);
        const cell = chart.rows[r]![m + 1];
        if (typeof expected === 'number')
          expect(cell, `${measure}, D=${d}`).toBeCloseTo(expected, 9);
        else expect(cell, `${measure}, D=${d}`).toBe(expected);
      });
      const all = ROWS.filter((row) => keep(row, selected(row)));
      expect(chart.totals[m], `${measure} total`).toBeCloseTo(
        aggregate(op, all, value) as number,
        9,
      );
    });
    // The data leaves D=4 without a C='x' row: the sum of nothing is 0, its mean null.
    expect(chart.rows[4]![2]).toBeNull();
    expect(chart.rows[4]![4]).toBe(0);
  });

  test('a set over a dimension with nulls finds each chart row, the null one included', () => {
    // E is null on every 6th row; the chart's rows (Sel 0) and the set's ({1}) both hold E null.
    const rows = Array.from({ length: 90 }, (_, i) => [i % 6 === 0 ? null : i % 4, i / 2, i % 2]);
    const withNulls = DataModel.fromTables([tableOf('U', ['E', 'V', 'Sel'], rows)]);
    const chart = chartOf(
      withNulls,
      selectValues(withNulls, { Sel: [0] }),
      ['E'],
      ['Sum({1} V)', 'Max({1} V*2)', 'Count({<Sel={1}>} V)'],
    );
    const expected = (e: number | null) => {
      const mine = rows.filter((row) => row[0] === e);
      return [
        mine.reduce((a, row) => a + row[1]!, 0),
        Math.max(...mine.map((row) => row[1]! * 2)),
        mine.filter((row) => row[2] === 1).length,
      ];
    };
    const labels = chart.rows.map((row) => row[0]);
    expect(labels).toContain(null);
    chart.rows.forEach((row) =>
      expect(row.slice(1), String(row[0])).toEqual(
        expected(row[0] === null ? null : Number(row[0])),
      ),
    );
    expect(chart.totals).toEqual([
      rows.reduce((a, row) => a + row[1]!, 0),
      Math.max(...rows.map((row) => row[1]! * 2)),
      rows.filter((row) => row[2] === 1).length,
    ]);
  });
});
