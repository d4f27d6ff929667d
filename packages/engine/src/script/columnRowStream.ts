import type { LoadedColumn } from '../model/LoadedTable.js';
import type { Value } from '../value/Value.js';
import type { RowBatch, ValueRowStream } from './RowStream.js';

const BATCH_ROWS = 65_536;

/** A source read whole into dictionary-encoded columns (a QVD): rows on demand, and the columns for an optimized load. */
export function columnRowStream(
  columns: readonly LoadedColumn[],
  rowCount: number,
): ValueRowStream {
  return {
    kind: 'values',
    fieldNames: columns.map((column) => column.name),
    batches: columnBatches(columns, rowCount),
    columns: { columns, rowCount },
  };
}

function* columnBatches(columns: readonly LoadedColumn[], rowCount: number): Generator<RowBatch> {
  const width = columns.length;
  for (let start = 0; start < rowCount; start += BATCH_ROWS) {
    const end = Math.min(start + BATCH_ROWS, rowCount);
    const batch = new Array<Value[]>(end - start);
    for (let row = start; row < end; row++) {
      const values = new Array<Value>(width);
      for (let c = 0; c < width; c++) {
        const index = columns[c].indexes[row];
        values[c] = index < 0 ? null : columns[c].values[index];
      }
      batch[row - start] = values;
    }
    yield batch;
  }
}
