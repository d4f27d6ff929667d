import type { RowStream } from './RowStream.js';

/** Rewrites a stream's batches of records, whatever their kind (typed values or texts). */
type RecordBatches = <T>(
  batches: AsyncIterable<readonly T[]> | Iterable<readonly T[]>,
) => AsyncIterable<T[]>;

/**
 * The stream with its records passed through `records` (some of them kept)
 * before the LOAD sees them. The whole-column and raw-byte fast paths are
 * left out: they would read every record of the source.
 */
export function recordStream(stream: RowStream, records: RecordBatches): RowStream {
  if (stream.kind === 'values')
    return {
      kind: 'values',
      fieldNames: stream.fieldNames,
      batches: records(stream.batches),
      ...(stream.numberFormats ? { numberFormats: stream.numberFormats } : {}),
    };
  return {
    kind: 'texts',
    fieldNames: stream.fieldNames,
    numbers: stream.numbers,
    batches: records(stream.batches),
  };
}
