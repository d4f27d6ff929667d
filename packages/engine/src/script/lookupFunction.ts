import type { ScalarFunction } from '../expression/EvalContext.js';
import { toText } from '../value/toText.js';
import type { Value } from '../value/Value.js';
import { type ColumnBuilder, keyOf, type ValueKey } from './ColumnBuilder.js';
import type { ScriptTable } from './ScriptTable.js';

/** The first row of each value of a column, extended as the table grows. */
interface FirstRows {
  rows: number;
  readonly first: Map<ValueKey, number>;
}

/**
 * Lookup('field', 'match_field', match_value [, 'table']) (the Lookup page):
 * the value of `field` in the first row of the table (by default the one
 * being loaded) whose `match_field` is `match_value`; NULL when none is. The
 * first row of each value is indexed once per column, so a LOAD calling it
 * per row does not scan the table per row.
 */
export function lookupFunction(
  table: (name: string) => ScriptTable | undefined,
  current: () => ScriptTable | undefined,
): ScalarFunction {
  const indexes = new WeakMap<ColumnBuilder, FirstRows>();
  const firstRowOf = (
    column: ColumnBuilder,
    rowCount: number,
    value: Value,
  ): number | undefined => {
    let index = indexes.get(column);
    if (!index) {
      index = { rows: 0, first: new Map() };
      indexes.set(column, index);
    }
    for (; index.rows < rowCount; index.rows++) {
      const cell = column.valueAt(index.rows);
      if (cell === null) continue;
      const key = keyOf(cell);
      if (!index.first.has(key)) index.first.set(key, index.rows);
    }
    return value === null ? undefined : index.first.get(keyOf(value));
  };
  return (args) => {
    const [field, matchField, matchValue, tableName] = args;
    const source =
      tableName === undefined || tableName === null ? current() : table(toText(tableName));
    if (!source || field === undefined || matchField === undefined) return null;
    const target = source.column(toText(field));
    const match = source.column(toText(matchField));
    if (!target || !match) return null;
    const row = firstRowOf(match, source.rowCount, matchValue ?? null);
    return row === undefined ? null : target.valueAt(row);
  };
}
