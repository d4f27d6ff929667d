import type { Value } from '../value/Value.js';
import type { ValueKey } from './ColumnBuilder.js';
import { rowKeyOf, type RowKeyFn } from './rowKeyOf.js';
import { ScriptTable } from './ScriptTable.js';
import type { JoinKind } from './Statement.js';

/**
 * Joins `right` into `left` on all fields they share (a cross join when they
 * share none), keeping `left`'s name and columns first, as Qlik's JOIN does.
 */
export function joinTables(left: ScriptTable, right: ScriptTable, how: JoinKind): ScriptTable {
  const shared = left.fieldNames.filter((name) => right.column(name) !== undefined);
  const rightOnly = right.fieldNames.filter((name) => left.column(name) === undefined);
  const result = new ScriptTable(left.name, [...left.fieldNames, ...rightOnly]);
  const leftKey = rowKeyOf(left, shared);
  const rightKey = rowKeyOf(right, shared);
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
