import { describe, expect, test } from 'vitest';
import { chartOf, selectValues } from './chartOf.js';
import { salesModel } from './salesModel.js';

const model = salesModel();
const all = selectValues(model);

describe('TOTAL', () => {
  test('TOTAL disregards every chart dimension', () => {
    const { rows } = chartOf(
      model,
      all,
      ['Region'],
      ['Sum(Amount)', 'Sum(TOTAL Amount)', 'Sum(Amount)/Sum(TOTAL Amount)'],
    );
    expect(rows).toEqual([
      ['East', 90, 185, 90 / 185],
      ['West', 95, 185, 95 / 185],
    ]);
  });

  test('TOTAL <dims> keeps only the listed dimensions', () => {
    const { rows } = chartOf(
      model,
      all,
      ['Region', 'Year'],
      ['Sum(Amount)', 'Sum(TOTAL <Region> Amount)', 'Sum(TOTAL <Year> Amount)'],
    );
    expect(rows).toEqual([
      ['East', '2020', 40, 90, 90],
      ['East', '2021', 50, 90, 95],
      ['West', '2020', 50, 95, 90],
      ['West', '2021', 45, 95, 95],
    ]);
  });

  test('TOTAL follows the selection, ALL does not', () => {
    const state = selectValues(model, { Region: ['East'] });
    const { rows } = chartOf(model, state, ['Customer'], ['Sum(TOTAL Amount)', 'Sum(ALL Amount)']);
    expect(rows).toEqual([
      ['Ann', 90, 185],
      ['Bob', 90, 185],
    ]);
  });

  test('Count(TOTAL DISTINCT ...) counts across all rows of the chart', () => {
    const { rows } = chartOf(model, all, ['Region'], ['Count(TOTAL DISTINCT Customer)']);
    expect(rows.map((row) => row[1])).toEqual([3, 3]);
  });
});

describe('Aggr', () => {
  test('Avg(Aggr(Sum(x), dim)) averages the per-customer sums', () => {
    // Customer sums: Ann 30, Bob 100, Cid 50, null 5.
    const { rows } = chartOf(
      model,
      all,
      [],
      ['Avg(Aggr(Sum(Amount), Customer))', 'Max(Aggr(Sum(Amount), Customer))'],
    );
    expect(rows).toEqual([[185 / 4, 100]]);
  });

  test('Aggr inside a chart is computed per chart row', () => {
    // East: Ann 30, Bob 60. West: Bob 40, Cid 50, null 5.
    const { rows } = chartOf(
      model,
      all,
      ['Region'],
      [
        'Max(Aggr(Sum(Amount), Customer))',
        'Count(Aggr(Sum(Amount), Customer))',
        'Sum(Aggr(Count(Year), Customer, Year))',
      ],
    );
    expect(rows).toEqual([
      ['East', 60, 2, 4],
      ['West', 50, 3, 4],
    ]);
  });

  test('text aggregations over an Aggr table, and no sort weights for it', () => {
    const { rows } = chartOf(
      model,
      all,
      ['Region'],
      ["Concat(Aggr(Only(Customer), Customer), ',')"],
    );
    expect(rows).toEqual([
      ['East', 'Ann,Bob'],
      ['West', 'Bob,Cid'],
    ]);
    expect(() =>
      chartOf(model, all, [], ["Concat(Aggr(Only(Customer), Customer), ',', Qty)"]),
    ).toThrowError(expect.objectContaining({ code: 'BAD_ARGUMENTS' }));
  });

  test('Aggr on the chart dimension gives that row its single value', () => {
    const { rows } = chartOf(model, all, ['Region'], ['Aggr(Sum(Amount), Region)']);
    expect(rows).toEqual([
      ['East', 90],
      ['West', 95],
    ]);
  });

  test('Aggr over two dimensions with a set expression inside', () => {
    // Per (Customer, Year) in 2021 only: Ann 20, Bob 70, Cid null -> 0 sum, null customer 5.
    const { rows } = chartOf(
      model,
      all,
      [],
      ['Max(Aggr(Sum({<Year={2021}>} Amount), Customer, Year))'],
    );
    expect(rows).toEqual([[70]]);
  });

  test('an inner kernel aggregation gives the same table as the general path', () => {
    // `* 1` sends the inner values through the boxed path; nulls (Cid 2021, the null customer) stay null.
    const inners = ['Sum(Amount)', 'Min(Amount)', 'Max(Amount)', 'Avg(Amount)', 'Count(Amount)'];
    const outers = ['Avg', 'Sum', 'Min', 'Max', 'Count'];
    const measures = (times: string) =>
      outers.flatMap((outer) =>
        inners.map((inner) => `${outer}(Aggr(${inner}${times}, Customer, Year))`),
      );
    for (const dims of [[], ['Region'], ['Year']]) {
      const fast = chartOf(model, all, dims, measures(''));
      const boxed = chartOf(model, all, dims, measures(' * 1'));
      expect(fast.rows).toEqual(boxed.rows);
      expect(fast.rows.flat().some((cell) => typeof cell === 'number' && cell > 0)).toBe(true);
    }
  });
});
