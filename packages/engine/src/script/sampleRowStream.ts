import { recordStream } from './recordStream.js';
import type { RowStream } from './RowStream.js';

/**
 * `SAMPLE p`: each record of the source is read with probability p, before
 * the LOAD sees it, so WHERE, RowNo(), Peek() and Previous() work on the
 * sampled records only, as Qlik loads "a random sample of records from the
 * data source".
 */
export function sampleRowStream(
  stream: RowStream,
  probability: number,
  random: () => number = Math.random,
): RowStream {
  return recordStream(stream, (batches) => sampled(batches, probability, random));
}

async function* sampled<T>(
  batches: AsyncIterable<readonly T[]> | Iterable<readonly T[]>,
  probability: number,
  random: () => number,
): AsyncGenerator<T[]> {
  for await (const batch of batches) {
    const kept = batch.filter(() => random() < probability);
    if (kept.length > 0) yield kept;
  }
}
