import type { DelimitedFormat } from '../io/DelimitedFormat.js';
import { fileChunks } from '../io/fileChunks.js';
import { READ_CHUNK_BYTES } from '../io/openDataFile.js';
import type { NumberInterpretation } from '../io/textToValue.js';
import { ByteRowEncoder } from './ByteRowEncoder.js';
import { ColumnBuilder } from './ColumnBuilder.js';
import { columnsPart, type ColumnsPart } from './ColumnsPart.js';
import { encodeRowPieces } from './encodeRowPieces.js';

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
  const chunks = fileChunks(job.path, job.start, READ_CHUNK_BYTES);
  try {
    const steps = encodeRowPieces(encoder, chunks, job.byteLength);
    for (;;) {
      const step = await steps.next();
      // Bytes left to the text parser: only the reader of the whole file can hand them over.
      if (step.done) {
        if (step.value) return undefined;
        break;
      }
    }
  } finally {
    await chunks.return(undefined);
  }
  return columnsPart(encoder.rows, targets);
}
