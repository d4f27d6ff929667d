import type { FieldValue, TableRow } from '@qlikit/qix';
import type { DataModel } from '../model/DataModel.js';
import type { Field } from '../model/Field.js';
import type { Table } from '../model/Table.js';

/** A column as GetTableData shows it: its field, and the symbol a row of the table holds (-1: null). */
interface CellSource {
  readonly field: Field;
  readonly symbolAt: (row: number) => number;
}

/**
 * GetTableData: a header row of field names, then `rows` rows from `offset`.
 * A NULL is a value without text (`{ qIsNumeric: false }`), an empty string
 * has `qText: ''`; `qNumber` is there for numbers only. In synthetic mode the
 * table is shown as the engine holds it (`$Syn N` keys); otherwise each
 * synthetic key is replaced by the fields it combines, as they were loaded.
 */
export function tableData(
  model: DataModel,
  table: Table,
  offset: number,
  rows: number,
  syntheticMode: boolean,
): TableRow[] {
  const direct = table.columns.map((column): CellSource => ({
    field: column.field,
    symbolAt: (row) => column.symbolAt(row),
  }));
  const sources = syntheticMode ? direct : direct.flatMap((source) => unfold(model, source));
  const out: TableRow[] = [
    { qValue: sources.map((source) => ({ qText: source.field.name, qIsNumeric: false })) },
  ];
  const end = Math.min(table.rowCount, offset + rows);
  for (let row = offset; row < end; row++)
    out.push({ qValue: sources.map((source) => cell(source.field, source.symbolAt(row))) });
  return out;
}

function cell(field: Field, symbol: number): FieldValue {
  if (symbol < 0) return { qIsNumeric: false };
  const text = field.symbols.text(symbol);
  const num = field.symbols.num(symbol);
  return Number.isFinite(num)
    ? { qText: text, qIsNumeric: true, qNumber: num }
    : { qText: text, qIsNumeric: false };
}

/** A `$Syn N` column as the fields of its `$Syn N Table` (keys on keys unfolded too); any other as itself. */
function unfold(model: DataModel, source: CellSource): CellSource[] {
  const name = source.field.name;
  const combos = name.startsWith('$Syn ') ? model.findTable(`${name} Table`) : undefined;
  const key = combos?.column(name);
  if (!combos || !key) return [source];
  // Each combination of the key's fields is one row of its table.
  const rowOf = new Map<number, number>();
  for (let row = 0; row < combos.rowCount; row++) rowOf.set(key.symbolAt(row), row);
  return combos.columns
    .filter((column) => column !== key)
    .flatMap((column) =>
      unfold(model, {
        field: column.field,
        symbolAt: (row) => {
          const combo = rowOf.get(source.symbolAt(row));
          return combo === undefined ? -1 : column.symbolAt(combo);
        },
      }),
    );
}
