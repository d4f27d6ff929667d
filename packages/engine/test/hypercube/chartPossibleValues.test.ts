import { describe, expect, test } from 'vitest';
import { DataModel } from '../../src/model/DataModel.js';
import { chartOf, selectValues } from '../aggregate/chartOf.js';
import { tableOf } from '../aggregate/tableOf.js';

// Sales (Region, Customer, Year, Amount, Prod) with nulls, and Products (Prod, Brand): a key between them.
function model(): DataModel {
  return DataModel.fromTables([
    tableOf(
      'Sales',
      ['Region', 'Customer', 'Year', 'Amount', 'Prod'],
      [
        ['East', 'Ann', 2020, 10, 'p1'],
        ['East', 'Ann', 2021, 20, 'p2'],
        ['East', 'Bob', 2020, 30, 'p1'],
        ['West', 'Bob', 2021, 40, 'p3'],
        ['West', 'Cid', 2020, 50, 'p2'],
        ['West', null, 2021, 5, null],
        ['North', 'Dan', null, 7, 'p4'],
      ],
    ),
    tableOf(
      'Products',
      ['Prod', 'Brand'],
      [
        ['p1', 'X'],
        ['p2', 'Y'],
        ['p3', 'X'],
        ['p5', 'Z'],
      ],
    ),
  ]);
}

const picks: Record<string, readonly (string | number)[]>[] = [
  {},
  { Year: [2021] },
  { Region: ['West'] },
  { Brand: ['X'] },
  { Customer: ['Ann', 'Cid'], Year: [2020] },
];

describe('the possible values a chart reads off its groups', () => {
  test('give every dimension field the states a scan of the rows gives', () => {
    const data = model();
    const charts = [
      { dims: ['Region', 'Customer'], measures: ['Sum(Amount)'] },
      { dims: ['Year'], measures: ['Count(Customer)'] },
      { dims: ['Brand', 'Region'], measures: ['Sum(Amount)'] },
      { dims: ['Prod'], measures: ['Sum(Amount)'] },
    ];
    let compared = 0;
    for (const pick of picks) {
      for (const { dims, measures } of charts) {
        const state = selectValues(data, pick);
        const { cube } = chartOf(data, state, dims, measures);
        const scanned = selectValues(data, pick);
        for (const [d, name] of dims.entries()) {
          expect(
            Array.from(state.stateCodes(name)),
            `${name} after ${JSON.stringify(pick)}`,
          ).toEqual(Array.from(scanned.stateCodes(name)));
          expect(cube.layout.qDimensionInfo[d]!.qStateCounts).toEqual(scanned.stateCounts(name));
          compared++;
        }
      }
    }
    expect(compared).toBe(picks.length * 6);
  });
});
