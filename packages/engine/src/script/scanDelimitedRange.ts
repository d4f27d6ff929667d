import { createReadStream } from 'node:fs';
import type { DelimitedFormat } from '../io/DelimitedFormat.js';
import { READ_CHUNK_BYTES } from '../io/openDataFile.js';
import type { NumberInterpretation } from '../io/textToValue.js';
import { concatBytes } from '../io/concatBytes.js';
import { ByteRowEncoder } from './ByteRowEncoder.js';
import { ColumnBuilder } from './ColumnBuilder.js';
import { columnsPart, type ColumnsPart } from './ColumnsPart.js';
import { MAX_CARRY_BYTES, rowAlignedPieces } from './rowAlignedPieces.js';

/** A part of a delimited file to encode on its own: from `start` (a row's first byte) to the end. */
export interface DelimitedRangeJob {
  readonly kind: 'delimited';
  readonly path: string;
  readonly start: number;
  /** Bytes from `start` to the end of the file, for presizing. */
  readonly byteLength: number;
  readonly format: DelimitedFormat;
  readonly numbers: NumberInterpretation;
  /** Per source field, whether it is loaded. */
  readonly loaded: readonly boolean[];
}

/**
 * Encodes the rows of a byte range of a delimited file into fresh
 * dictionary columns, exactly as `encodeDelimitedBytes` would from there on;
 * undefined when a row needs the text parser (a bare CR, a quote that never
 * closes), which only the reader of the whole file can hand it to.
 */
export async function scanDelimitedRange(job: DelimitedRangeJob): Promise<ColumnsPart | undefined> {
  const targets = job.loaded.map((loaded, i) =>
    loaded ? new ColumnBuilder(String(i)) : undefined,
  );
  const encoder = new ByteRowEncoder(job.format, targets, job.numbers);
  const stream = createReadStream(job.path, { start: job.start, highWaterMark: READ_CHUNK_BYTES });
  try {
    let carry: Uint8Array | undefined;
    let first = true;
    const pieces = rowAlignedPieces(stream as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
    for (;;) {
      const next = await pieces.next();
      const buf = next.done ? carry : carry ? concatBytes(carry, next.value) : next.value;
      if (!buf) break;
      const used = encoder.encode(buf, !next.done);
      if (first) encoder.reserveFor(job.byteLength / Math.max(used, 1));
      first = false;
      carry = used < buf.length ? buf.subarray(used) : undefined;
      if (encoder.stopped || (carry && carry.length > MAX_CARRY_BYTES)) return undefined;
      if (next.done) break;
    }
  } finally {
    stream.destroy();
  }
  return columnsPart(encoder.rows, targets);
}
