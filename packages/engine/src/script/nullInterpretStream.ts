import type { DelimitedCell } from '../io/DelimitedParser.js';
import { toText } from '../value/toText.js';
import type { RowBatch, RowStream } from './RowStream.js';

/**
 * The stream with every source value written as `symbol` read as null, as
 * `SET NullInterpret` asks for files, inline data and databases. Text
 * streams lose their raw bytes, so each cell passes through here.
 */
export function nullInterpretStream(stream: RowStream, symbol: string): RowStream {
  if (stream.kind === 'texts') {
    return {
      kind: 'texts',
      fieldNames: stream.fieldNames,
      numbers: stream.numbers,
      // A missing cell reads as null, as in a short row.
      batches: mapBatches(stream.batches, (cell) =>
        cell === symbol ? (undefined as unknown as DelimitedCell) : cell,
      ),
    };
  }
  return {
    kind: 'values',
    fieldNames: stream.fieldNames,
    batches: mapBatches(stream.batches as AsyncIterable<RowBatch>, (value) =>
      value !== null && toText(value) === symbol ? null : value,
    ),
  };
}

async function* mapBatches<T, U>(
  batches: AsyncIterable<readonly (readonly T[])[]> | Iterable<readonly (readonly T[])[]>,
  map: (cell: T) => U,
): AsyncGenerator<U[][]> {
  for await (const batch of batches) yield batch.map((row) => row.map(map));
}
