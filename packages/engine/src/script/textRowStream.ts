import type { DelimitedCell } from '../io/DelimitedParser.js';
import type { NumberInterpretation } from '../io/textToValue.js';
import type { Value } from '../value/Value.js';
import type { RowBatch, TextRowStream, ValueRowStream } from './RowStream.js';
import { TextValueCache } from './TextValueCache.js';

/**
 * Turns batches of text rows into a row stream: the first row gives the field
 * names (embedded labels) or they are `@1..@n` (no labels).
 */
export async function textRowStream(
  batches: AsyncIterable<DelimitedCell[][]> | Iterable<DelimitedCell[][]>,
  options: { labels: 'embedded' | 'none'; headerLines: number; numbers: NumberInterpretation },
): Promise<TextRowStream> {
  const iterator = toAsyncIterator(batches);
  let pending: DelimitedCell[][] = [];
  let skip = options.headerLines;
  let fieldNames: string[] | undefined;
  while (fieldNames === undefined) {
    if (pending.length === 0) {
      const next = await iterator.next();
      if (next.done) {
        fieldNames = [];
        break;
      }
      pending = next.value;
    }
    const consumed = Math.min(skip, pending.length);
    pending = pending.slice(consumed);
    skip -= consumed;
    if (skip > 0 || pending.length === 0) continue;
    if (options.labels === 'embedded') {
      // A header cell left empty gets the positional name, as with no labels.
      fieldNames = pending[0].map((cell, i) => (cell === '' ? `@${i + 1}` : String(cell)));
      pending = pending.slice(1);
    } else fieldNames = pending[0].map((_, i) => `@${i + 1}`);
  }
  return {
    kind: 'texts',
    fieldNames,
    batches: remainingBatches(pending, iterator),
    numbers: options.numbers,
  };
}

async function* remainingBatches(
  first: DelimitedCell[][],
  rest: AsyncIterator<DelimitedCell[][]>,
): AsyncGenerator<DelimitedCell[][]> {
  if (first.length > 0) yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}

/** The stream with each text interpreted as a number when it reads as one. */
export function interpretTexts(stream: TextRowStream): ValueRowStream {
  const caches = stream.fieldNames.map(() => new TextValueCache(stream.numbers));
  return {
    kind: 'values',
    fieldNames: stream.fieldNames,
    batches: convertBatches(stream.batches, caches),
  };
}

async function* convertBatches(
  batches: AsyncIterable<DelimitedCell[][]> | Iterable<DelimitedCell[][]>,
  caches: TextValueCache[],
): AsyncGenerator<RowBatch> {
  for await (const batch of batches) yield convertBatch(batch, caches);
}

/** Rows with fewer fields get nulls; extra fields are dropped. */
function convertBatch(rows: DelimitedCell[][], caches: TextValueCache[]): RowBatch {
  const width = caches.length;
  const out: Value[][] = new Array<Value[]>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const texts = rows[r];
    const row = new Array<Value>(width);
    for (let c = 0; c < width; c++) {
      const cell = texts[c];
      row[c] =
        cell === undefined ? null : typeof cell === 'number' ? cell : caches[c].valueOf(cell);
    }
    out[r] = row;
  }
  return out;
}

function toAsyncIterator<T>(source: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> {
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  const sync = source[Symbol.iterator]();
  return { next: async () => sync.next() };
}
