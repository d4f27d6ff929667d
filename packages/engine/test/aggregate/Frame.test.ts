import { describe, expect, test } from 'vitest';
import { Frame } from '../../src/aggregate/Frame.js';
import { identityRows } from '../../src/aggregate/NumericInput.js';
import { DataModel } from '../../src/model/DataModel.js';
import type { Table } from '../../src/model/Table.js';
import { tableOf } from './tableOf.js';

// K links L and R: K=1 twice on the left and twice on the right (a 2x2 fan-out),
// K=2 on the left only, K=3 on the right only, and a null K on the left.
const model = DataModel.fromTables([
  tableOf(
    'L',
    ['K', 'Left'],
    [
      [1, 'a'],
      [1, 'b'],
      [2, 'c'],
      [null, 'd'],
    ],
  ),
  tableOf(
    'R',
    ['K', 'Right'],
    [
      [1, 'x'],
      [3, 'y'],
      [1, 'z'],
    ],
  ),
]);

// The joined texts of a field per frame row, '-' for the table's null row.
function joinedTexts(frame: Frame, table: Table, field: string): string[] {
  const column = table.column(field)!;
  return Array.from(frame.rowsOf(table), (row) =>
    row === table.rowCount ? '-' : model.field(field).symbols.text(column.codes[row]!),
  );
}

function pairsOf(frame: Frame): string[] {
  const right = joinedTexts(frame, model.table('R'), 'Right');
  return joinedTexts(frame, model.table('L'), 'Left').map((text, i) => text + right[i]);
}

describe('Frame.join', () => {
  test('is the full outer join over the key: every pairing, and unmatched rows with the null row', () => {
    const tree = model.joinTree(['Left', 'Right']);
    const frame = Frame.join(tree, (table) => identityRows(table.rowCount));
    expect(frame.length).toBe(7);
    // c (K=2) and d (null K) match nothing on the right, y (K=3) nothing on the left.
    expect(pairsOf(frame).sort()).toEqual(['-y', 'ax', 'az', 'bx', 'bz', 'c-', 'd-']);
  });

  test('only joins the rows each table allows', () => {
    const tree = model.joinTree(['Left', 'Right']);
    const frame = Frame.join(tree, (table) =>
      table.name === 'R' ? Int32Array.from([2]) : Int32Array.from([1, 2]),
    );
    expect(pairsOf(frame)).toEqual(['bz', 'c-']);
  });

  test('a join where each row meets at most one row keeps the rows unmatched on either side', () => {
    const tree = model.joinTree(['Left', 'Right']);
    // a (K=1) meets x only; c (K=2) meets nothing; y (K=3) is met by nothing.
    const frame = Frame.join(tree, (table) =>
      table.name === 'R' ? Int32Array.from([0, 1]) : Int32Array.from([0, 2]),
    );
    expect(frame.length).toBe(3);
    expect(pairsOf(frame).sort()).toEqual(['-y', 'ax', 'c-']);
    expect(frame.hasNullRows(model.table('L'))).toBe(true);
    expect(frame.hasNullRows(model.table('R'))).toBe(true);
  });
});
