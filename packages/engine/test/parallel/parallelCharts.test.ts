import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DataModel } from '../../src/model/DataModel.js';
import { configureParallelism, stopEngineThreads } from '../../src/parallel/engineThreads.js';
import type { Value } from '../../src/value/Value.js';
import { chartOf, selectValues } from '../aggregate/chartOf.js';
import { tableOf } from '../aggregate/tableOf.js';
import { expectSameAtEveryThreadCount } from './expectSameAtEveryThreadCount.js';

// Small tables, small blocks: every scan of these charts is split into
// blocks of 256 rows (each holding several rows of a group, so the order of
// additions matters) and, with threads, spread over worker threads.
const ROWS = 6000;

function flatTable() {
  const rows: Value[][] = [];
  for (let i = 0; i < ROWS; i++) {
    // Amounts with binary fractions that a different order of additions rounds differently.
    const a = ((i * 7919) % 1000) / 7 + 0.1;
    const b = i % 13 === 0 ? null : ((i * 31) % 97) / 3;
    // Numbers, text and text that reads as a number: arithmetic reads the last as its number.
    const m = i % 17 === 0 ? 'n/a' : i % 19 === 0 ? '2.5' : ((i * 11) % 89) / 6 - 7;
    rows.push([
      i % 7,
      i % 5,
      (i * 17) % 300,
      a,
      b,
      i % 3 === 0 ? 'x' : 'y',
      i % 4 === 0 ? 'v' : 'w',
      i % 10,
      m,
      // H and L: 2,000 x 1,000 codes (a key space too big for the threaded numbering), three rows per pair.
      Math.floor(i / 3) % 2000,
      (Math.floor(i / 3) * 7) % 1000,
    ]);
  }
  return tableOf('Flat', ['D1', 'D2', 'K', 'A', 'B', 'C', 'F', 'Sel', 'M', 'H', 'L'], rows);
}

function starTables() {
  const facts: Value[][] = [];
  for (let i = 0; i < ROWS; i++) facts.push([i % 40, i % 9, i % 30, ((i * 13) % 101) / 3]);
  const products = Array.from({ length: 40 }, (_, p) => [p, `cat${p % 6}`, `brand${p % 10}`]);
  const stores = Array.from({ length: 9 }, (_, s) => [s, `region${s % 4}`]);
  return [
    tableOf('Facts', ['Prod', 'Store', 'Day', 'Amount'], facts),
    tableOf('Products', ['Prod', 'Category', 'Brand'], products),
    tableOf('Stores', ['Store', 'Region'], stores),
  ];
}

const CHARTS: readonly { dims: string[]; measures: string[]; star?: boolean }[] = [
  { dims: ['D1', 'D2'], measures: ['Sum(A)', 'Count(B)', 'Avg(B)', 'Min(A)', 'Max(B)'] },
  { dims: ['D1', 'D2'], measures: ['Sum(A*B)', "Sum(If(C='x', A))", 'Avg(A)/Avg(B)'] },
  // Arithmetic of fields summed, averaged, counted and compared straight into the groups.
  { dims: ['D1', 'D2'], measures: ['Avg(A*B)', 'Min(A-B)', 'Max(A*B)', 'Count(A*B)'] },
  { dims: ['D1'], measures: ['Sum(A*M)', 'Avg(M-B)', 'Min(M*2)', 'Count(B+M)', 'Sum(M)'] },
  { dims: ['D1', 'D2'], measures: ["Sum({<C={'x'}>} A)", "Sum({$<F-={'v'}>} A)", 'Sum({1} A)'] },
  {
    dims: ['D2'],
    measures: [
      'Count(DISTINCT K)',
      'Count(C)',
      'Count(*)',
      'Avg(Aggr(Sum(A), D2, K))',
      'Avg(Aggr(Sum(A*B), D2, K))',
    ],
  },
  // Inner groups of several rows each, more of them than blocks can hold: summed by group ranges.
  {
    dims: ['D1'],
    measures: ['Avg(Aggr(Sum(B), D2, A))', 'Avg(Aggr(Sum(A), D1, B))', 'Sum(Aggr(Avg(A), D2, K))'],
  },
  { dims: ['H'], measures: ['Avg(Aggr(Sum(A), H, L))', 'Sum(Aggr(Sum(B), L, H))'] },
  { dims: ['D1', 'D2', 'K'], measures: ['Sum(A)', 'Sum(A*A)', 'Avg(A*B)'] },
  { dims: ['K'], measures: ['Sum(A)'] },
  { dims: ['Category', 'Region'], measures: ['Sum(Amount)', 'Count(Prod)'], star: true },
  { dims: ['Day'], measures: ['Sum(Amount)', 'Sum(Amount*Amount)'], star: true },
];

function computeAll(threads: number) {
  configureParallelism({ threads });
  const flat = DataModel.fromTables([flatTable()]);
  const star = DataModel.fromTables(starTables());
  const picks: Record<'flat' | 'star', Record<string, readonly (string | number)[]>>[] = [
    { flat: {}, star: {} },
    { flat: { Sel: [1, 2, 3, 5, 8] }, star: { Brand: ['brand1', 'brand4'] } },
  ];
  return picks.flatMap((pick) =>
    CHARTS.map(({ dims, measures, star: isStar }) => {
      const model = isStar ? star : flat;
      const { rows, totals } = chartOf(
        model,
        selectValues(model, isStar ? pick.star : pick.flat),
        dims,
        measures,
      );
      return { rows, totals };
    }),
  );
}

describe('charts on several threads', () => {
  beforeAll(() => {
    configureParallelism({ minRows: 512, blockRows: 256 });
  });
  afterAll(async () => {
    await stopEngineThreads();
  });

  test('every cell equals the one-thread result, floating-point sums included', () => {
    expectSameAtEveryThreadCount(computeAll);
  });

  test('blocked sums are the sums (within rounding of the one-pass order)', () => {
    const blocked = computeAll(2);
    configureParallelism({ minRows: 1 << 30 });
    const whole = computeAll(1);
    configureParallelism({ minRows: 512 });
    // The data makes the order of additions show: the equality above is not trivial.
    expect(blocked).not.toEqual(whole);
    blocked.forEach((chart, c) => {
      expect(chart.rows.length).toBe(whole[c]!.rows.length);
      chart.rows.forEach((row, r) =>
        row.forEach((cell, k) => {
          const other = whole[c]!.rows[r]![k];
          if (typeof cell === 'number' && typeof other === 'number')
            expect(cell).toBeCloseTo(other, 6);
          else expect(cell).toBe(other);
        }),
      );
    });
  });
});
