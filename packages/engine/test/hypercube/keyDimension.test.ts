import { beforeAll, describe, expect, test } from 'vitest';
import { DataModel } from '../../src/model/DataModel.js';
import { runScript } from '../../src/script/runScript.js';
import { chartOf, selectValues } from '../aggregate/chartOf.js';

// K links Orders (K 1, 2) and Returns (K 2, 3): a chart on K lists 1, 2 and 3.
let model: DataModel;

beforeAll(async () => {
  const { tables } = await runScript(
    `Orders: LOAD * INLINE [
K, Amount
1, 10
2, 20
2, 5
];
Returns: LOAD * INLINE [
K, Refund
2, 200
3, 300
];`,
    { dataDir: '.' },
  );
  model = DataModel.fromTables(tables);
});

describe('a dimension on a key field', () => {
  test('lists the values of every table that holds the key', () => {
    const { rows, totals } = chartOf(
      model,
      selectValues(model),
      ['K'],
      ['Sum(Amount)', 'Sum(Refund)'],
    );
    expect(rows).toEqual([
      ['1', 10, 0],
      ['2', 25, 200],
      ['3', 0, 300],
    ]);
    expect(totals).toEqual([35, 500]);
  });

  test('gives values found in no row of a measure empty aggregates', () => {
    const { rows } = chartOf(model, selectValues(model), ['K'], ['Avg(Amount)', 'Count(Refund)']);
    expect(rows).toEqual([
      ['1', 10, 0],
      ['2', 12.5, 1],
      ['3', null, 1],
    ]);
  });

  test('keeps to the possible values under a selection', () => {
    const { rows } = chartOf(model, selectValues(model, { Refund: [300] }), ['K'], ['Sum(Amount)']);
    expect(rows).toEqual([['3', 0]]);
  });

  test('drops the added values when zero values are suppressed', () => {
    const { rows } = chartOf(model, selectValues(model), ['K'], ['Sum(Amount)'], {
      qSuppressZero: true,
    });
    expect(rows).toEqual([
      ['1', 10],
      ['2', 25],
    ]);
  });
});
