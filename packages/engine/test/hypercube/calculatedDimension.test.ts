import { describe, expect, test } from 'vitest';
import { computeHyperCube } from '../../src/hypercube/computeHyperCube.js';
import { chartOf, selectValues } from '../aggregate/chartOf.js';
import { salesModel } from '../aggregate/salesModel.js';

const model = salesModel();
const all = selectValues(model);

describe('calculated dimensions', () => {
  test('group by the value of an expression over the rows of its table', () => {
    // Amount > 25: 30, 40, 50, 30 -> 150; else 10, 20, 5 and the null amount
    // (a comparison with null is false) -> 35 over 4 rows.
    const { rows } = chartOf(
      model,
      all,
      ["=If(Amount > 25, 'big', 'small')"],
      ['Sum(Amount)', 'Count(Qty)'],
    );
    expect(rows).toEqual([
      ['small', 35, 4],
      ['big', 150, 4],
    ]);
  });

  test('follow the selection and combine with field dimensions', () => {
    const state = selectValues(model, { Region: ['East'] });
    const { rows } = chartOf(model, state, ['Year', '=Year - 2000'], ['Sum(Amount)'], {
      qDimensions: [
        { qDef: { qFieldDefs: ['Year'] } },
        { qDef: { qFieldDefs: ['=Year - 2000'], qSortCriterias: [{ qSortByNumeric: 1 }] } },
      ],
    });
    expect(rows).toEqual([
      ['2020', '20', 40],
      ['2021', '21', 50],
    ]);
  });

  test('describe themselves with every value possible', () => {
    const cube = computeHyperCube(model, all, {
      qDimensions: [{ qDef: { qFieldDefs: ['=Len(Customer)'], qFieldLabels: ['Name length'] } }],
    });
    expect(cube.layout.qDimensionInfo[0]).toMatchObject({
      qFallbackTitle: 'Name length',
      qCardinal: 1,
      qStateCounts: { qOption: 1, qSelected: 0 },
    });
  });

  test('aggregations and unknown names in a calculated dimension are errors', () => {
    expect(() => chartOf(model, all, ['=Customer & Missing'], ['Sum(Amount)'])).toThrowError(
      /Missing/,
    );
    expect(() => chartOf(model, all, ['=Sum(Amount)'], [])).toThrowError(
      expect.objectContaining({ code: 'NESTED_AGGREGATION' }),
    );
  });
});
