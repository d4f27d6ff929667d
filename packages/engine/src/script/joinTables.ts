import type { Value } from '../value/Value.js';
import { keyOf, type ValueKey } from './ColumnBuilder.js';
import { ScriptTable } from './ScriptTable.js';
import type { JoinKind } from './Statement.js';

/** Row key over the shared fields; undefined when one of them is null (null never matches). */
type RowKeyFn = (row: number) => ValueKey | undefined;

/**
 * Joins `right` into `left` on all fields they share (a cross join when they
 * share none), keeping `left`'s name and columns first, as Qlik's JOIN does.
 */
export function joinTables(left: ScriptTable, right: ScriptTable, how: JoinKind): ScriptTable {
  const shared = left.fieldNames.filter((name) => right.column(name) !== undefined);
  const rightOnly = right.fieldNames.filter((name) => left.column(name) === undefined);
  const result = new ScriptTable(left.name, [...left.fieldNames, ...rightOnly]);
  const leftKey = rowKeyFn(left, shared);
  const rightKey = rowKeyFn(right, shared);
  const rightRows = indexRows(right.rowCount, rightKey);
  const matchedRight = new Uint8Array(right.rowCount);
  const leftColumns = left.columns;
  const rightExtra = rightOnly.map((name) => right.column(name)!);
  // A right row without a left match takes its shared fields from the right table.
  const leftSources = leftColumns.map((column) => right.column(column.name));
  const emit = (leftRow: number, rightRow: number): void => {
    const values: Value[] = [];
    leftColumns.forEach((column, i) => {
      values.push(
        leftRow >= 0 ? column.valueAt(leftRow) : (leftSources[i]?.valueAt(rightRow) ?? null),
      );
    });
    for (const column of rightExtra) values.push(rightRow >= 0 ? column.valueAt(rightRow) : null);
    result.pushRow(values);
  };
  for (let row = 0; row < left.rowCount; row++) {
    const key = leftKey(row);
    const matches = key === undefined ? undefined : rightRows.get(key);
    if (matches) {
      for (const match of matches) {
        matchedRight[match] = 1;
        emit(row, match);
      }
    } else if (how === 'left' || how === 'outer') emit(row, -1);
  }
  if (how === 'right' || how === 'outer') {
    for (let row = 0; row < right.rowCount; row++) if (!matchedRight[row]) emit(-1, row);
  }
  return result;
}

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
  const keyFn = rowKeyFn(table, shared);
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
  const keyFn = rowKeyFn(table, shared);
  const rows: number[] = [];
  for (let row = 0; row < table.rowCount; row++) {
    const key = keyFn(row);
    if (key !== undefined && keys.has(key)) rows.push(row);
  }
  return table.selectRows(rows);
}

function indexRows(rowCount: number, keyFn: RowKeyFn): Map<ValueKey, number[]> {
  const rows = new Map<ValueKey, number[]>();
  for (let row = 0; row < rowCount; row++) {
    const key = keyFn(row);
    if (key === undefined) continue;
    const list = rows.get(key);
    if (list) list.push(row);
    else rows.set(key, [row]);
  }
  return rows;
}

/** With no shared fields every row has the same key, which makes the join a cross join. */
function rowKeyFn(table: ScriptTable, shared: readonly string[]): RowKeyFn {
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
