import { keyOf, type ValueKey } from './ColumnBuilder.js';
import type { ScriptTable } from './ScriptTable.js';

/** Row key over the shared fields; undefined when one of them is null (null never matches). */
export type RowKeyFn = (row: number) => ValueKey | undefined;

/**
 * The key of a row over the fields two tables share. With no shared fields
 * every row has the same key, which makes a join a cross join.
 */
export function rowKeyOf(table: ScriptTable, shared: readonly string[]): RowKeyFn {
  const columns = shared.map((name) => table.column(name)!);
  if (columns.length === 0) return () => '';
  if (columns.length === 1) {
    const column = columns[0];
    return (row) => {
      const value = column.valueAt(row);
      return value === null ? undefined : keyOf(value);
    };
  }
  return (row) => {
    let key = '';
    for (const column of columns) {
      const value = column.valueAt(row);
      if (value === null) return undefined;
      const part = keyOf(value);
      key += (typeof part === 'number' ? 'n' : 's') + part + '\u0001';
    }
    return key;
  };
}
