import { describe, expect, test } from 'vitest';
import { chartOf, selectValues, valueOf } from './chartOf.js';
import { salesModel } from './salesModel.js';

// Amounts over all rows: 10, 20, 30, 40, 50, null, 5, 30 (seven numbers, sum 185).
const model = salesModel();
const all = selectValues(model);

describe('aggregations without dimensions', () => {
  test.each([
    ['Sum(Amount)', 185],
    ['Count(Amount)', 7],
    ['Count(Customer)', 7],
    ['Count(DISTINCT Customer)', 3],
    ['Count(*)', 8],
    ["Count({<Region={'West'}>} *)", 4],
    ['Min(Amount)', 5],
    ['Max(Amount)', 50],
    ['Median(Amount)', 30],
    ['Mode(Amount)', 30],
    ['NullCount(Amount)', 1],
    ['NullCount(Customer)', 1],
    ['NumericCount(Customer)', 0],
    ['TextCount(Customer)', 7],
    ['MissingCount(Amount)', 1],
    ['Sum(DISTINCT Amount)', 155],
    ['Count(DISTINCT Amount)', 6],
    ['Sum(Amount*Qty)', 10 + 40 + 90 + 160 + 250 + 5 + 60],
    ['Sum(Amount)/Count(Amount)', 185 / 7],
    ['Sum(Amount) - Sum(Qty) * 2', 185 - 24 * 2],
    ['MinString(Customer)', 'Ann'],
    ['MaxString(Customer)', 'Cid'],
  ])('%s', (measure, expected) => {
    expect(valueOf(model, all, measure)).toEqual(expected);
  });

  test('Avg divides the sum of the numbers by how many there are, skipping null', () => {
    expect(valueOf(model, all, 'Avg(Amount)')).toBeCloseTo(185 / 7, 12);
  });

  test('Stdev is the sample standard deviation', () => {
    const sumOfSquares = 25 + 100 + 400 + 900 + 900 + 1600 + 2500;
    const expected = Math.sqrt((sumOfSquares - (185 * 185) / 7) / 6);
    expect(valueOf(model, all, 'Stdev(Amount)')).toBeCloseTo(expected, 10);
  });

  test('Fractile interpolates between the nearest ranks', () => {
    // Sorted 5,10,20,30,30,40,50: position 0.1 * 6 = 0.6 between 5 and 10.
    expect(valueOf(model, all, 'Fractile(Amount, 0.1)')).toBeCloseTo(8, 12);
  });

  test('Only is null when there is more than one value', () => {
    expect(valueOf(model, all, 'Only(Region)')).toBeNull();
    expect(valueOf(model, selectValues(model, { Region: ['East'] }), 'Only(Region)')).toBe('East');
  });

  test('row-level functions inside an aggregation go through the expression evaluator', () => {
    expect(valueOf(model, all, 'Sum(If(Year = 2020, Amount, 0))')).toBe(90);
    expect(valueOf(model, all, "Count(If(Region = 'West', Customer))")).toBe(3);
  });

  test('scalar functions around aggregations run per group', () => {
    const { cube } = chartOf(
      model,
      all,
      ['Region'],
      ["Num(Sum(Amount) * 100, '#,##0.00')", "Region & ': ' & Sum(Amount)"],
    );
    const matrix = cube.layout.qDataPages[0]!.qMatrix;
    expect(matrix.map((row) => row.map((cell) => cell.qText))).toEqual([
      ['East', '9,000.00', 'East: 90'],
      ['West', '9,500.00', 'West: 95'],
    ]);
    expect(matrix[0]![1]!.qNum).toBe(9000);
  });
});

describe('aggregations per dimension value', () => {
  test('numeric aggregations group by the dimension', () => {
    const { rows } = chartOf(
      model,
      all,
      ['Region'],
      [
        'Sum(Amount)',
        'Count(DISTINCT Customer)',
        'Sum(Amount*Qty)',
        'Min(Amount, 2)',
        'Max(Amount, 2)',
        'Fractile(Amount, 0.25)',
      ],
    );
    expect(rows).toEqual([
      // Fractile 0.25: East 10,20,30,30 -> 10 + 0.75 * 10; West 5,40,50 -> 5 + 0.5 * 35.
      ['East', 90, 2, 200, 20, 30, 17.5],
      ['West', 95, 2, 415, 40, 40, 22.5],
    ]);
  });

  test('Avg per group', () => {
    const { rows } = chartOf(model, all, ['Region'], ['Avg(Amount)']);
    expect(rows[0]![1]).toBeCloseTo(90 / 4, 12);
    expect(rows[1]![1]).toBeCloseTo(95 / 3, 12);
  });

  test('Concat sorts by text unless given a weight, and DISTINCT drops repeats', () => {
    const { rows } = chartOf(
      model,
      all,
      ['Region'],
      ["Concat(Customer, ',')", "Concat(DISTINCT Customer, ',')", "Concat(Customer, ',', -Qty)"],
    );
    expect(rows).toEqual([
      // -Qty for East is Ann -1, Ann -2, Bob -3, Bob -2: equal weights keep load order.
      ['East', 'Ann,Ann,Bob,Bob', 'Ann,Bob', 'Bob,Ann,Bob,Ann'],
      ['West', 'Bob,Cid,Cid', 'Bob,Cid', 'Cid,Cid,Bob'],
    ]);
  });

  test('Mode is null on a tie; MinString and MaxString compare text', () => {
    const { rows } = chartOf(
      model,
      all,
      ['Region'],
      ['Mode(Customer)', 'MinString(Customer)', 'MaxString(Customer)'],
    );
    expect(rows).toEqual([
      ['East', null, 'Ann', 'Bob'],
      ['West', 'Cid', 'Bob', 'Cid'],
    ]);
  });

  test('FirstSortedValue picks by weight and rank, and is null on a tie of different values', () => {
    const { rows } = chartOf(
      model,
      all,
      ['Region'],
      [
        'FirstSortedValue(Customer, Amount)',
        'FirstSortedValue(Customer, -Amount)',
        'FirstSortedValue(Customer, Amount, 2)',
        'FirstSortedValue(Customer, Year)',
      ],
    );
    // East 2020 rows are Ann and Bob: a tie of different values.
    expect(rows).toEqual([
      ['East', 'Ann', 'Bob', 'Ann', null],
      ['West', null, 'Cid', 'Bob', 'Cid'],
    ]);
  });

  test('the fused pass, the single kernels and the value path agree, nulls included', () => {
    // Per Customer: the fused pass computes Min(Amount); Min(Amount, 1) takes the
    // single-kernel path and Min(Amount + 0) the computed-vector path.
    const fused = chartOf(
      model,
      all,
      ['Customer'],
      ['Min(Amount)', 'Max(Amount)', 'Avg(Amount)', 'Count(Amount)', 'Sum(Amount)'],
    );
    const others = chartOf(
      model,
      all,
      ['Customer'],
      [
        'Min(Amount, 1)',
        'Max(Amount + 0)',
        'Avg(Amount + 0)',
        'Count(Amount + 0)',
        'Sum(DISTINCT Amount) + Sum(Amount) - Sum(DISTINCT Amount)',
      ],
    );
    expect(others.rows).toEqual(fused.rows);
    expect(fused.rows).toContainEqual(['Cid', 50, 50, 50, 1, 50]);
  });

  test('a null dimension value forms its own group', () => {
    const { rows } = chartOf(model, all, ['Customer'], ['Sum(Amount)']);
    expect(rows).toContainEqual([null, 5]);
    expect(rows).toContainEqual(['Bob', 100]);
  });

  test('aggregations follow the selection', () => {
    const { rows, totals } = chartOf(
      model,
      selectValues(model, { Year: [2020] }),
      ['Region'],
      ['Sum(Amount)'],
    );
    expect(rows).toEqual([
      ['East', 40],
      ['West', 50],
    ]);
    expect(totals).toEqual([90]);
  });
});
