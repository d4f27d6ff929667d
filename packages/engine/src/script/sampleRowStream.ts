import type { RowStream } from './RowStream.js';

/**
 * `SAMPLE p`: each record of the source is read with probability p, before
 * the LOAD sees it, so WHERE, RowNo(), Peek() and Previous() work on the
 * sampled records only, as Qlik loads "a random sample of records from the
 * data source". The whole-column and raw-byte fast paths are left out: they
 * would read every record.
 */
export function sampleRowStream(
  stream: RowStream,
  probability: number,
  random: () => number = Math.random,
): RowStream {
  const keep = <T>(
    batches: AsyncIterable<readonly T[]> | Iterable<readonly T[]>,
  ): AsyncIterable<T[]> => sampled(batches, probability, random);
  if (stream.kind === 'values')
    return {
      kind: 'values',
      fieldNames: stream.fieldNames,
      batches: keep(stream.batches),
      ...(stream.numberFormats ? { numberFormats: stream.numberFormats } : {}),
    };
  return {
    kind: 'texts',
    fieldNames: stream.fieldNames,
    numbers: stream.numbers,
    batches: keep(stream.batches),
  };
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
