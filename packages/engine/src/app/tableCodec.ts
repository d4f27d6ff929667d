import { Dual, type Value } from '../value/Value.js';
import type { LoadedTable } from '../model/LoadedTable.js';

/** A table's metadata and dictionaries in JSON; the row indexes go to a binary file beside it. */
interface EncodedTable {
  readonly name: string;
  readonly rowCount: number;
  readonly columns: readonly { readonly name: string; readonly values: readonly EncodedValue[] }[];
}

type EncodedValue = number | string | { readonly t: string; readonly n: number };

/** Writes tables as a JSON header plus one binary buffer of all row indexes (little-endian Int32). */
export function encodeTables(tables: readonly LoadedTable[]): { header: string; body: Buffer } {
  const encoded: EncodedTable[] = tables.map((table) => ({
    name: table.name,
    rowCount: table.rowCount,
    columns: table.columns.map((column) => ({
      name: column.name,
      values: column.values.map(encodeValue),
    })),
  }));
  const chunks: Buffer[] = [];
  for (const table of tables) {
    for (const column of table.columns) {
      const rows = column.indexes.subarray(0, table.rowCount);
      chunks.push(Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength));
    }
  }
  return { header: JSON.stringify(encoded), body: Buffer.concat(chunks) };
}

/** Reads what `encodeTables` wrote. */
export function decodeTables(header: string, body: Buffer): LoadedTable[] {
  const encoded = JSON.parse(header) as EncodedTable[];
  let offset = 0;
  return encoded.map((table) => ({
    name: table.name,
    rowCount: table.rowCount,
    columns: table.columns.map((column) => {
      const byteLength = table.rowCount * 4;
      const indexes = new Int32Array(table.rowCount);
      Buffer.from(indexes.buffer).set(body.subarray(offset, offset + byteLength));
      offset += byteLength;
      return { name: column.name, values: column.values.map(decodeValue), indexes };
    }),
  }));
}

function encodeValue(value: Value): EncodedValue {
  if (value instanceof Dual) return { t: value.text, n: value.num };
  if (value === null) return '';
  return value;
}

function decodeValue(value: EncodedValue): Value {
  return typeof value === 'object' ? new Dual(value.t, value.n) : value;
}
