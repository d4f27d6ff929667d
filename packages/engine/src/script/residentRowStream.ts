import { compareValues } from '../value/compareValues.js';
import type { Value } from '../value/Value.js';
import type { RowBatch, ValueRowStream } from './RowStream.js';
import { ScriptFault } from './ScriptFault.js';
import type { ScriptTable } from './ScriptTable.js';

const BATCH_ROWS = 65_536;

/** Rows of a table already loaded, optionally sorted (ORDER BY). */
export function residentRowStream(
  table: ScriptTable,
  orderBy?: readonly { field: string; descending: boolean }[],
): ValueRowStream {
  const order = orderBy && orderBy.length > 0 ? sortedRows(table, orderBy) : undefined;
  return {
    kind: 'values',
    fieldNames: table.fieldNames,
    batches: residentBatches(table, table.rowCount, order),
  };
}

function* residentBatches(
  table: ScriptTable,
  rowCount: number,
  order: Int32Array | undefined,
): Generator<RowBatch> {
  const columns = [...table.columns];
  for (let start = 0; start < rowCount; start += BATCH_ROWS) {
    const end = Math.min(start + BATCH_ROWS, rowCount);
    const batch: Value[][] = [];
    for (let i = start; i < end; i++) {
      const row = order ? order[i] : i;
      batch.push(columns.map((column) => column.valueAt(row)));
    }
    yield batch;
  }
}

/** Row numbers in ORDER BY order; ties keep load order. */
function sortedRows(
  table: ScriptTable,
  orderBy: readonly { field: string; descending: boolean }[],
): Int32Array {
  const keys = orderBy.map(({ field, descending }) => {
    const column = table.column(field);
    if (!column)
      throw new ScriptFault(
        'SCRIPT_FIELD_NOT_FOUND',
        `ORDER BY field '${field}' is not in table '${table.name}'`,
      );
    return { column, sign: descending ? -1 : 1 };
  });
  const rows = Array.from({ length: table.rowCount }, (_, i) => i);
  rows.sort((a, b) => {
    for (const { column, sign } of keys) {
      const order = compareValues(column.valueAt(a), column.valueAt(b));
      if (order !== 0) return order * sign;
    }
    return a - b;
  });
  return Int32Array.from(rows);
}
