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

  test('a join where no frame row meets a repeated key looks rows up and appends every unmet one', () => {
    const tree = model.joinTree(['Left', 'Right']);
    // c (K=2) meets nothing; x and z share K=1 but no frame row has it; y (K=3) is unmet too.
    const frame = Frame.join(tree, (table) =>
      table.name === 'R' ? Int32Array.from([0, 1, 2]) : Int32Array.from([2]),
    );
    expect(pairsOf(frame).sort()).toEqual(['-x', '-y', '-z', 'c-']);
    expect(frame.hasNullRows(model.table('R'))).toBe(true);
  });

  test("a small table with one row per key joined to a big one gives the same rows, in the big one's order", () => {
    // Dim: keys 0..4 and a null key; Fact: 60 rows over keys 0..6 (5 and 6 have no Dim row) and nulls.
    const dimRows: (number | string | null)[][] = [0, 1, 2, 3, 4].map((k) => [k, `d${k}`]);
    dimRows.push([null, 'dnull']);
    const factRows = Array.from({ length: 60 }, (_, i) => [
      i % 9 === 8 ? null : (i * 5) % 7,
      `f${i}`,
    ]);
    const star = DataModel.fromTables([
      tableOf('Dim', ['Key', 'DimName'], dimRows),
      tableOf('Fact', ['Key', 'FactName'], factRows),
    ]);
    const dim = star.table('Dim');
    const fact = star.table('Fact');
    const name = (table: Table, field: string, row: number) =>
      row === table.rowCount
        ? '-'
        : star.field(field).symbols.text(table.column(field)!.codes[row]!);
    // Every Dim row but key 2, every other Fact row: Dim's key 2 rows in Fact go unmatched too.
    const allowed = (table: Table) =>
      table === dim
        ? Int32Array.from([0, 1, 3, 4, 5])
        : Int32Array.from({ length: 30 }, (_, j) => 2 * j);
    const frame = Frame.join(star.joinTree(['DimName', 'FactName']), allowed);
    const pairs = Array.from(
      { length: frame.length },
      (_, i) =>
        `${name(dim, 'DimName', frame.rowsOf(dim)[i]!)}|${name(fact, 'FactName', frame.rowsOf(fact)[i]!)}`,
    );
    // The full outer join written out: pairs on equal non-null keys, then each side's unmatched rows.
    const keyOf = (table: Table, row: number) => {
      const code = table.column('Key')!.codes[row]!;
      return code >= star.field('Key').cardinality ? null : code;
    };
    const expected: string[] = [];
    const dimAllowed = Array.from(allowed(dim));
    const factAllowed = Array.from(allowed(fact));
    for (const d of dimAllowed)
      for (const f of factAllowed)
        if (keyOf(dim, d) !== null && keyOf(dim, d) === keyOf(fact, f))
          expected.push(`${name(dim, 'DimName', d)}|${name(fact, 'FactName', f)}`);
    for (const d of dimAllowed)
      if (!factAllowed.some((f) => keyOf(dim, d) !== null && keyOf(dim, d) === keyOf(fact, f)))
        expected.push(`${name(dim, 'DimName', d)}|-`);
    for (const f of factAllowed)
      if (!dimAllowed.some((d) => keyOf(dim, d) !== null && keyOf(dim, d) === keyOf(fact, f)))
        expected.push(`-|${name(fact, 'FactName', f)}`);
    expect([...pairs].sort()).toEqual([...expected].sort());
    // The facts lead, in their own order; the unmatched Dim rows come last.
    const factOrder = Array.from(frame.rowsOf(fact)).filter((row) => row !== fact.rowCount);
    expect(factOrder).toEqual(factAllowed);
    expect(frame.hasNullRows(dim)).toBe(true);
    expect(frame.hasNullRows(fact)).toBe(true);
  });
});
