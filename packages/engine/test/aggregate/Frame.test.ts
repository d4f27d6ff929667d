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

function joinedTexts(frame: Frame, table: Table, field: string): string[] {
  const column = table.column(field)!;
  return Array.from(frame.rowsOf(table), (row) =>
    model.field(field).symbols.text(column.codes[row]!),
  );
}

describe('Frame.join', () => {
  test('is the inner join over the key, with every pairing of repeated keys', () => {
    const tree = model.joinTree(['Left', 'Right']);
    const frame = Frame.join(tree, (table) => identityRows(table.rowCount));
    const left = model.table('L');
    const right = model.table('R');
    expect(frame.length).toBe(4);
    const pairs = joinedTexts(frame, left, 'Left').map(
      (text, i) => text + joinedTexts(frame, right, 'Right')[i],
    );
    expect(pairs.sort()).toEqual(['ax', 'az', 'bx', 'bz']);
  });

  test('only joins the rows each table allows', () => {
    const tree = model.joinTree(['Left', 'Right']);
    const frame = Frame.join(tree, (table) =>
      table.name === 'R' ? Int32Array.from([2]) : Int32Array.from([1, 2]),
    );
    expect(frame.length).toBe(1);
    expect(joinedTexts(frame, model.table('L'), 'Left')).toEqual(['b']);
    expect(joinedTexts(frame, model.table('R'), 'Right')).toEqual(['z']);
  });
});
