import { describe, expect, test } from 'vitest';
import { DataModel } from '../../src/model/DataModel.js';
import { chartOf, selectValues, valueOf } from './chartOf.js';
import { tableOf } from './tableOf.js';

// Customers -- CustomerID -- Orders, and Customers -- Country -- Countries.
// Dan has no order; order O5 belongs to no known customer.
const model = DataModel.fromTables([
  tableOf(
    'Customers',
    ['CustomerID', 'Name', 'Country'],
    [
      ['C1', 'Ann', 'DE'],
      ['C2', 'Bob', 'FR'],
      ['C3', 'Cid', 'DE'],
      ['C4', 'Dan', 'US'],
    ],
  ),
  tableOf(
    'Orders',
    ['OrderID', 'CustomerID', 'Amount'],
    [
      ['O1', 'C1', 100],
      ['O2', 'C1', 50],
      ['O3', 'C2', 70],
      ['O4', 'C3', 30],
      ['O5', 'C9', 20],
    ],
  ),
  tableOf(
    'Countries',
    ['Country', 'Continent'],
    [
      ['DE', 'Europe'],
      ['FR', 'Europe'],
      ['US', 'America'],
    ],
  ),
]);
const all = selectValues(model);

describe('aggregation over associated tables', () => {
  test('a measure in one table grouped by a dimension in another joins them', () => {
    const { rows } = chartOf(
      model,
      all,
      ['Country'],
      ['Sum(Amount)', 'Count(OrderID)', 'Count(DISTINCT CustomerID)'],
    );
    // Tables associate as a full outer join: O5 (no known customer) shows under a
    // null country, so the rows add up to the total, as in Qlik.
    expect(rows).toEqual([
      ['DE', 180, 3, 2],
      ['FR', 70, 1, 1],
      ['US', 0, 0, 1],
      [null, 20, 1, 0],
    ]);
  });

  test('a chain of three tables', () => {
    const { rows } = chartOf(model, all, ['Continent'], ['Sum(Amount)', 'Count(DISTINCT Name)']);
    expect(rows).toEqual([
      ['Europe', 250, 3],
      ['America', 0, 1],
      [null, 20, 0],
    ]);
  });

  test('dimensions from two tables pair every row, unmatched ones with a null', () => {
    const { rows } = chartOf(model, all, ['Name', 'OrderID'], ['Sum(Amount)']);
    expect([...rows].sort((a, b) => String(a).localeCompare(String(b)))).toEqual([
      [null, 'O5', 20],
      ['Ann', 'O1', 100],
      ['Ann', 'O2', 50],
      ['Bob', 'O3', 70],
      ['Cid', 'O4', 30],
      ['Dan', null, 0],
    ]);
  });

  test('a selection keeps the unmatched rows out or alone, as associations say', () => {
    const de = selectValues(model, { Country: ['DE'] });
    expect(chartOf(model, de, ['Country'], ['Sum(Amount)']).rows).toEqual([['DE', 180]]);
    // O5 alone: no customer is possible, so only the null country row is left.
    const o5 = selectValues(model, { OrderID: ['O5'] });
    expect(chartOf(model, o5, ['Country'], ['Sum(Amount)']).rows).toEqual([[null, 20]]);
  });

  test('without dimensions a measure counts every row of its own table', () => {
    expect(valueOf(model, all, 'Sum(Amount)')).toBe(270);
    expect(valueOf(model, all, 'Count(Name)')).toBe(4);
  });

  test('arithmetic across tables runs on the joined rows', () => {
    // One row per order of a known customer: Name has 3 letters everywhere.
    expect(valueOf(model, all, 'Sum(Amount * Len(Name))')).toBe(3 * 250);
  });

  test('a selection in one table restricts the others', () => {
    const de = selectValues(model, { Country: ['DE'] });
    expect(valueOf(model, de, 'Sum(Amount)')).toBe(180);
    const big = selectValues(model, { Amount: [100, 70] });
    const { rows, totals } = chartOf(
      model,
      big,
      ['Country'],
      ['Sum(Amount)', 'Count(DISTINCT Name)'],
    );
    expect(rows).toEqual([
      ['DE', 100, 1],
      ['FR', 70, 1],
    ]);
    expect(totals).toEqual([170, 2]);
  });

  test('set analysis on a field of another table', () => {
    const { rows } = chartOf(model, all, ['Name'], ["Sum({<Continent={'Europe'}>} Amount)"], {
      qSuppressZero: true,
    });
    expect(rows).toEqual([
      ['Ann', 150],
      ['Bob', 70],
      ['Cid', 30],
    ]);
  });
});
