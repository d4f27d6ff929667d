import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GroupIndex } from '../../src/aggregate/GroupIndex.js';
import { sumsWithGroups } from '../../src/aggregate/sumsWithGroups.js';
import { parseExpression } from '../../src/expression/parseExpression.js';
import { chartEvaluator, chartTarget, totalTarget } from '../../src/hypercube/chartEvaluator.js';
import { DataModel } from '../../src/model/DataModel.js';
import {
  configureParallelism,
  parallelism,
  stopEngineThreads,
} from '../../src/parallel/engineThreads.js';
import { DEFAULT_FORMAT_SETTINGS } from '../../src/value/FormatSettings.js';
import type { Value } from '../../src/value/Value.js';
import { chartOf, selectValues } from '../aggregate/chartOf.js';
import { tableOf } from '../aggregate/tableOf.js';
import { expectSameAtEveryThreadCount } from './expectSameAtEveryThreadCount.js';

// 6,000 rows, 3,000 of them selected: with the split threshold at 8,192 rows both frames
// lie in the range that sums with the groups (2,048 to 8,191 rows), over D1 x D2's
// 7 x 5 = 35 key slots (null codes included); D1 is null on every eleventh row.
const ROWS = 6000;
const MIN_ROWS = 8192;

function model(): DataModel {
  const rows: Value[][] = [];
  for (let i = 0; i < ROWS; i++) {
    // Fractions a different order of additions rounds differently.
    const a = ((i * 7919) % 1000) / 7 + 0.1;
    const b = i % 13 === 0 ? null : ((i * 31) % 97) / 3;
    // The groups' first rows come in no simple order: D2 repeats every 4 rows, D1 every 6.
    rows.push([i % 11 === 0 ? null : (i * 5) % 6, `d${i % 4}`, a, b, i % 2]);
  }
  return DataModel.fromTables([tableOf('Flat', ['D1', 'D2', 'A', 'B', 'Sel'], rows)]);
}

/** Values picked per field: none, or a selection in Sel. */
type Picks = Record<string, readonly number[]>;
const NO_PICK_AND_ONE: Picks[] = [{}, { Sel: [0] }];
const MEASURES = ['Sum(A)', 'Count(B)', 'Avg(B)', 'Min(A)', 'Max(B)', 'Avg(A)/Avg(B)'];

describe('sums computed with the groups', () => {
  const configured = parallelism();
  beforeAll(() => {
    configureParallelism({ minRows: MIN_ROWS });
  });
  afterAll(async () => {
    configureParallelism(configured);
    await stopEngineThreads();
  });

  test.each([
    ['every row', {}],
    ['a selection', { Sel: [1] }],
  ])('over %s: the groups the grouping pass numbers, row ids included', (_, picks) => {
    configureParallelism({ threads: 2 });
    const flat = model();
    const state = selectValues(flat, picks);
    const { scope } = chartEvaluator(flat, state, {}, DEFAULT_FORMAT_SETTINGS);
    const dims = ['D1', 'D2'];
    const exprs = MEASURES.map((measure) => parseExpression(measure));
    const { target, ready } = sumsWithGroups(scope, exprs, dims, totalTarget(), () =>
      chartTarget(scope, dims, ['A', 'B']),
    );
    // Sum, Count, Avg, Min, Max and Avg(A)/Avg(B)'s two calls, each with its total.
    expect(ready).toHaveLength(2 * 7);
    const frame = scope.frame(undefined, [...dims, 'A', 'B']);
    const numbered = GroupIndex.build(
      dims.map((dim) => {
        const { field, codes, rows } = scope.fieldIn(frame, dim);
        return { symbols: codes, rows, cardinality: field.cardinality };
      }),
      frame.length,
    );
    expect(target.index.count).toBe(numbered.count);
    expect(target.index.keys).toEqual(numbered.keys);
    expect(Array.from(target.index.ofRow)).toEqual(Array.from(numbered.ofRow));
    // Null keys are among them.
    expect(target.index.keys[0]).toContain(-1);
  });

  test('a call over the chart groups that reads their row ids leaves the grouping pass', () => {
    configureParallelism({ threads: 2 });
    const flat = model();
    const { scope } = chartEvaluator(flat, selectValues(flat), {}, DEFAULT_FORMAT_SETTINGS);
    const dims = ['D1', 'D2'];
    // Sum(A*B) is a column kernel's pass over the group ids; a set's call reads its own frame.
    const kernel = ['Sum(A)', 'Sum(A*B)'].map((measure) => parseExpression(measure));
    const group = () => chartTarget(scope, dims, ['A', 'B']);
    expect(sumsWithGroups(scope, kernel, dims, totalTarget(), group).ready).toEqual([]);
    const withSet = ['Sum(A)', 'Sum({1} B)'].map((measure) => parseExpression(measure));
    const { ready } = sumsWithGroups(scope, withSet, dims, totalTarget(), group);
    expect(ready.map((item) => item.call)).toEqual([withSet[0], withSet[0]]);
  });

  test('every cell equals the grouping pass and one pass, within rounding; totals too', () => {
    configureParallelism({ threads: 2 });
    const flat = model();
    const measures = [...MEASURES, 'Sum({1} B)'];
    const withGroups = NO_PICK_AND_ONE.map((picks) =>
      chartOf(flat, selectValues(flat, picks), ['D1', 'D2'], measures),
    );
    configureParallelism({ minRows: 1 << 30 });
    const apart = NO_PICK_AND_ONE.map((picks) =>
      chartOf(flat, selectValues(flat, picks), ['D1', 'D2'], measures),
    );
    configureParallelism({ minRows: MIN_ROWS });
    withGroups.forEach((chart, c) => {
      const other = apart[c]!;
      expect(chart.rows.length).toBe(other.rows.length);
      const close = (cells: readonly unknown[], others: readonly unknown[]) =>
        cells.forEach((cell, k) => {
          if (typeof cell === 'number' && typeof others[k] === 'number')
            expect(cell).toBeCloseTo(others[k], 6);
          else expect(cell).toBe(others[k]);
        });
      chart.rows.forEach((row, r) => close(row, other.rows[r]!));
      close(chart.totals, other.totals);
    });
  });

  test('every cell is the same at 1, 2 and 3 threads, floating-point sums included', () => {
    const flat = model();
    expectSameAtEveryThreadCount((threads) => {
      configureParallelism({ threads });
      return ([{}, { Sel: [1] }] as Picks[]).map((picks) => {
        const { rows, totals } = chartOf(flat, selectValues(flat, picks), ['D1', 'D2'], MEASURES);
        return { rows, totals };
      });
    });
  });
});
