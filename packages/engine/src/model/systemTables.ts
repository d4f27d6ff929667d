import type { DraftTable } from './DraftTable.js';
import type { LoadedTable } from './LoadedTable.js';
import type { Value } from '../value/Value.js';

/**
 * The tables behind Qlik's system fields, describing the model itself:
 * `$$SysTable 1` lists every ($Field, $Table, $FieldNo) pair and
 * `$$SysTable 2` every table's ($Table, $Rows, $Fields); they link through
 * `$Table`. Fields starting with `$` are hidden, so they stay out of field
 * lists as in Qlik.
 */
export function systemTables(tables: readonly DraftTable[]): LoadedTable[] {
  const pairs = tables.flatMap((table) =>
    table.columns.map((column, position) => [column.name, table.name, position + 1]),
  );
  const sizes = tables.map((table) => [table.name, table.rowCount, table.columns.length]);
  return [
    encode('$$SysTable 1', ['$Field', '$Table', '$FieldNo'], pairs),
    encode('$$SysTable 2', ['$Table', '$Rows', '$Fields'], sizes),
  ];
}

function encode(
  name: string,
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): LoadedTable {
  const columns = header.map((fieldName, c) => {
    const values: Value[] = [];
    const positions = new Map<string | number, number>();
    const indexes = Int32Array.from(rows, (row) => {
      const value = row[c];
      let index = positions.get(value);
      if (index === undefined) {
        index = values.push(value) - 1;
        positions.set(value, index);
      }
      return index;
    });
    return { name: fieldName, values, indexes };
  });
  return { name, columns, rowCount: rows.length };
}
