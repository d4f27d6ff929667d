import { describe, expect, test } from 'vitest';
import { DataModel } from '../../src/model/DataModel.js';
import { chartOf, selectValues } from './chartOf.js';
import { tableOf } from './tableOf.js';

// A dimension table (Key, Cat) and facts over four times as many rows, some
// with a key no dimension row has, some with none, and a dimension row no
// fact has: the chart's frame is built in the facts' order.
function starModel(): DataModel {
  const facts = Array.from({ length: 40 }, (_, i) => [
    i % 10 === 9 ? null : i % 6,
    i % 7 === 3 ? null : (i * 13) % 17,
    i % 3,
  ]);
  return DataModel.fromTables([
    tableOf(
      'Dim',
      ['Key', 'Cat'],
      [
        [0, 'a'],
        [1, 'b'],
        [2, 'a'],
        [3, 'c'],
        [7, 'd'],
      ],
    ),
    tableOf('Fact', ['Key', 'Amount', 'Part'], facts),
  ]);
}

describe('grand totals of a chart over a dimension table and facts', () => {
  test('equal the aggregations over the facts alone, for every selection', () => {
    const model = starModel();
    // Count(Key) reads a key (rows of both tables): its total is not the chart frame's.
    const measures = [
      'Sum(Amount)',
      'Count(Key)',
      'Count(Amount)',
      'Avg(Amount)',
      'Min(Amount)',
      'Max(Amount)',
      // Expressions of fields: over one table, and over a key and a fact field.
      'Sum(Amount*Part)',
      'Avg(Amount-Part)',
      'Sum(Amount*Key)',
      'Max(Amount+Key)',
    ];
    const picks: Record<string, readonly (string | number)[]>[] = [
      {},
      { Part: [1] },
      { Cat: ['a'] },
      { Cat: ['d'] },
      { Key: [4, 5] },
    ];
    for (const pick of picks) {
      const state = selectValues(model, pick);
      const chart = chartOf(model, state, ['Cat'], measures);
      const alone = measures.map((measure) => chartOf(model, state, [], [measure]).rows[0]![0]);
      expect(chart.totals, JSON.stringify(pick)).toEqual(alone);
    }
    // The totals are not trivial: some selection has a sum and a count.
    expect(chartOf(model, selectValues(model), ['Cat'], ['Sum(Amount)']).totals[0]).toBeGreaterThan(
      0,
    );
  });
});
