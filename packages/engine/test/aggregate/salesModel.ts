import { DataModel } from '../../src/model/DataModel.js';
import { tableOf } from './tableOf.js';

/**
 * Eight sales rows over two regions, three customers and two years, with a
 * null amount and a null customer, small enough to check answers by hand.
 */
export function salesModel(): DataModel {
  return DataModel.fromTables([
    tableOf(
      'Sales',
      ['Region', 'Customer', 'Year', 'Amount', 'Qty'],
      [
        ['East', 'Ann', 2020, 10, 1],
        ['East', 'Ann', 2021, 20, 2],
        ['East', 'Bob', 2020, 30, 3],
        ['West', 'Bob', 2021, 40, 4],
        ['West', 'Cid', 2020, 50, 5],
        ['West', 'Cid', 2021, null, 6],
        ['West', null, 2021, 5, 1],
        ['East', 'Bob', 2021, 30, 2],
      ],
    ),
  ]);
}
