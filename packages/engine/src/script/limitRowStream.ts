import { recordStream } from './recordStream.js';
import type { RowStream } from './RowStream.js';

/**
 * A limited load (DoReloadEx's `qRowLimit`): at most `limit` records of a
 * data source reach the LOAD. Leaving the batches early ends the source's
 * iteration, which closes its file.
 */
export function limitRowStream(stream: RowStream, limit: number): RowStream {
  return recordStream(stream, (batches) => firstRecords(batches, limit));
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
