import type { LoadedTable } from '../../src/model/LoadedTable.js';
import type { Value } from '../../src/value/Value.js';

/** Builds a LoadedTable from a header and rows of values (null for null). */
export function tableOf(
  name: string,
  header: readonly string[],
  rows: readonly (readonly Value[])[],
): LoadedTable {
  const columns = header.map((field, c) => {
    const values: Value[] = [];
    const lookup = new Map<string, number>();
    const indexes = new Int32Array(rows.length);
    rows.forEach((row, r) => {
      const value = row[c] ?? null;
      if (value === null) {
        indexes[r] = -1;
        return;
      }
      const key = typeof value === 'object' ? `d${value.text}` : `${typeof value}${value}`;
      let index = lookup.get(key);
      if (index === undefined) {
        index = values.length;
        values.push(value);
        lookup.set(key, index);
      }
      indexes[r] = index;
    });
    return { name: field, values, indexes };
  });
  return { name, columns, rowCount: rows.length };
}
