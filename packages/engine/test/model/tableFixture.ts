import type { LoadedColumn, LoadedTable } from '../../src/model/LoadedTable.js';
import type { Value } from '../../src/value/Value.js';

/** Builds a LoadedTable the way the script layer does: per column, values in first-seen order and indexes. */
export function loadedTable(
  name: string,
  header: readonly string[],
  rows: readonly (readonly Value[])[],
): LoadedTable {
  const columns: LoadedColumn[] = header.map((fieldName, c) => {
    const values: Value[] = [];
    const seen = new Map<unknown, number>();
    const indexes = new Int32Array(rows.length);
    rows.forEach((row, r) => {
      const value = row[c];
      if (value === null) {
        indexes[r] = -1;
        return;
      }
      const key = typeof value === 'object' ? `dual:${value.text}:${value.num}` : value;
      let index = seen.get(key);
      if (index === undefined) {
        index = values.length;
        values.push(value);
        seen.set(key, index);
      }
      indexes[r] = index;
    });
    return { name: fieldName, values, indexes };
  });
  return { name, columns, rowCount: rows.length };
}

/** The classic three-table shape: customers, their orders, the products ordered. */
export function salesTables(): LoadedTable[] {
  return [
    loadedTable(
      'Customers',
      ['CustomerID', 'Customer', 'Country'],
      [
        ['C1', 'Alice', 'Sweden'],
        ['C2', 'Bob', 'Norway'],
        ['C3', 'Carol', 'Sweden'],
        ['C4', 'Dave', 'Denmark'], // never orders
      ],
    ),
    loadedTable(
      'Orders',
      ['OrderID', 'CustomerID', 'ProductID', 'Quantity'],
      [
        [1, 'C1', 'P1', 5],
        [2, 'C1', 'P2', 3],
        [3, 'C2', 'P2', 1],
        [4, 'C3', 'P3', 7],
        [5, 'C9', 'P1', 2], // a customer missing from Customers
        [6, null, 'P3', 4], // an order with no customer
      ],
    ),
    loadedTable(
      'Products',
      ['ProductID', 'Product', 'Category'],
      [
        ['P1', 'Shoe', 'Apparel'],
        ['P2', 'Hat', 'Apparel'],
        ['P3', 'Phone', 'Electronics'],
        ['P4', 'Watch', 'Electronics'], // never ordered
      ],
    ),
  ];
}
