import { afterAll, beforeAll, describe, test } from 'vitest';
import { DataModel } from '../../src/model/DataModel.js';
import {
  configureParallelism,
  parallelism,
  stopEngineThreads,
} from '../../src/parallel/engineThreads.js';
import type { Value } from '../../src/value/Value.js';
import { chartOf, selectValues } from '../aggregate/chartOf.js';
import { tableOf } from '../aggregate/tableOf.js';
import { expectSameAtEveryThreadCount } from './expectSameAtEveryThreadCount.js';

// Aggr's inner tables on threads: many inner groups (more than the row
// blocks' accumulators hold, so summed by group ranges), several rows each,
// with amounts whose sums round differently in another order.
const ROWS = 6000;

function model(): DataModel {
  const rows: Value[][] = [];
  for (let i = 0; i < ROWS; i++) {
    rows.push([
      i % 7,
      i % 5,
      (i * 17) % 300,
      ((i * 7919) % 1000) / 7 + 0.1,
      i % 13 === 0 ? null : ((i * 31) % 97) / 3,
      i % 10,
      // H and L: 2,000 x 1,000 codes (too many for the threaded numbering), three rows per pair.
      Math.floor(i / 3) % 2000,
      (Math.floor(i / 3) * 7) % 1000,
    ]);
  }
  return DataModel.fromTables([
    tableOf('Flat', ['D1', 'D2', 'K', 'A', 'B', 'Sel', 'H', 'L'], rows),
  ]);
}

const CHARTS: readonly { dims: string[]; measures: string[] }[] = [
  {
    dims: ['D1'],
    measures: ['Avg(Aggr(Sum(B), D2, A))', 'Avg(Aggr(Sum(A), D1, B))', 'Sum(Aggr(Avg(A), D2, K))'],
  },
  { dims: ['H'], measures: ['Avg(Aggr(Sum(A), H, L))', 'Sum(Aggr(Sum(B), L, H))'] },
  // Averages into 2,100 groups of about three rows.
  { dims: ['D1', 'D2', 'K'], measures: ['Avg(A*B)', 'Avg(A)'] },
];

function computeAll(threads: number) {
  configureParallelism({ threads });
  const flat = model();
  const picks: Record<string, readonly number[]>[] = [{}, { Sel: [1, 2, 3, 5, 8] }];
  return picks.flatMap((pick) =>
    CHARTS.map(({ dims, measures }) => {
      const { rows, totals } = chartOf(flat, selectValues(flat, pick), dims, measures);
      return { rows, totals };
    }),
  );
}

describe('Aggr on several threads', () => {
  const configured = parallelism();
  beforeAll(() => {
    configureParallelism({ minRows: 512, blockRows: 256 });
  });
  afterAll(async () => {
    configureParallelism(configured);
    await stopEngineThreads();
  });

  test('every cell equals the one-thread result, floating-point sums included', () => {
    expectSameAtEveryThreadCount(computeAll);
  });
});
