import type { ValueKey } from './ColumnBuilder.js';
import { rowKeyOf } from './rowKeyOf.js';
import type { ScriptTable } from './ScriptTable.js';

/**
 * KEEP: reduces the tables to the rows whose shared-field key appears in the
 * other (inner: both; left: `right` is reduced; right: `left` is reduced).
 */
export function keepTables(
  left: ScriptTable,
  right: ScriptTable,
  how: 'inner' | 'left' | 'right',
): { left: ScriptTable; right: ScriptTable } {
  const shared = left.fieldNames.filter((name) => right.column(name) !== undefined);
  const leftKeys = keySet(left, shared);
  const rightKeys = keySet(right, shared);
  const keepLeft = how === 'left' ? left : filterByKeys(left, shared, rightKeys);
  const keepRight = how === 'right' ? right : filterByKeys(right, shared, leftKeys);
  return { left: keepLeft, right: keepRight };
}

function keySet(table: ScriptTable, shared: readonly string[]): Set<ValueKey> {
  const keyFn = rowKeyOf(table, shared);
  const keys = new Set<ValueKey>();
  for (let row = 0; row < table.rowCount; row++) {
    const key = keyFn(row);
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

function filterByKeys(
  table: ScriptTable,
  shared: readonly string[],
  keys: Set<ValueKey>,
): ScriptTable {
  const keyFn = rowKeyOf(table, shared);
  const rows: number[] = [];
  for (let row = 0; row < table.rowCount; row++) {
    const key = keyFn(row);
    if (key !== undefined && keys.has(key)) rows.push(row);
  }
  return table.selectRows(rows);
}
