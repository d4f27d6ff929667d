import type { RowStream } from './RowStream.js';

/**
 * A limited load (DoReloadEx's `qRowLimit`): at most `limit` records of a
 * data source reach the LOAD. The whole-column and raw-byte fast paths are
 * left out, as they would read every record; leaving the batches early
 * ends the source's iteration, which closes its file.
 */
export function limitRowStream(stream: RowStream, limit: number): RowStream {
  if (stream.kind === 'values')
    return {
      kind: 'values',
      fieldNames: stream.fieldNames,
      batches: firstRecords(stream.batches, limit),
      ...(stream.numberFormats ? { numberFormats: stream.numberFormats } : {}),
    };
  return {
    kind: 'texts',
    fieldNames: stream.fieldNames,
    numbers: stream.numbers,
    batches: firstRecords(stream.batches, limit),
  };
}

async function* firstRecords<T>(
  batches: AsyncIterable<readonly T[]> | Iterable<readonly T[]>,
  limit: number,
): AsyncGenerator<T[]> {
  let left = limit;
  if (left <= 0) return;
  for await (const batch of batches) {
    const kept = batch.length <= left ? [...batch] : batch.slice(0, left);
    left -= kept.length;
    if (kept.length > 0) yield kept;
    if (left <= 0) return;
  }
}
