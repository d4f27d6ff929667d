import type { DelimitedCell } from '../io/DelimitedParser.js';
import type { DelimitedFormat } from '../io/DelimitedFormat.js';
import { parseDelimitedChunks } from '../io/readDelimitedFile.js';
import type { NumberInterpretation } from '../io/textToValue.js';
import { ByteRowEncoder } from './ByteRowEncoder.js';
import type { ColumnBuilder } from './ColumnBuilder.js';
import type { RawDelimitedRows } from './RowStream.js';
import { CR, LF, QUOTE } from '../io/charCodes.js';
import { appendColumnsPart } from './ColumnsPart.js';
import { encodeRowPieces } from './encodeRowPieces.js';
import { cutAt, startSecondHalf } from './startSecondHalf.js';

/** Whether the byte scanner reads this layout: a one-byte delimiter that is no quote, line break or run of spaces. */
export function canEncodeBytes(format: DelimitedFormat): boolean {
  if (format.delimiter === 'spaces' || format.delimiter.length !== 1) return false;
  const code = format.delimiter.charCodeAt(0);
  return code < 128 && code !== QUOTE && code !== LF && code !== CR;
}

/**
 * Encodes the data rows of a delimited file into dictionary columns straight
 * from its bytes: each cell's bytes are hashed while the row is scanned and
 * looked up per column, so only a new distinct cell is decoded to a string
 * and interpreted (`textToValue`). Quoted cells are read as the text parser
 * reads them; from a bare CR or a quote left open at the end of the file on,
 * the rows go through the text parser (`encodeRows`) itself. `targets[i]`
 * receives source field i (none: skipped). Returns the number of rows read.
 */
export async function encodeDelimitedBytes(
  raw: RawDelimitedRows,
  targets: readonly (ColumnBuilder | undefined)[],
  numbers: NumberInterpretation,
  encodeRows: (rows: readonly DelimitedCell[][]) => void,
  pause: () => Promise<void>,
): Promise<number> {
  const encoder = new ByteRowEncoder(raw.format, targets, numbers);
  let rows = raw.firstRows.length;
  encodeRows(raw.firstRows);
  let half = await startSecondHalf(raw, targets, numbers);
  const bytes = half ? cutAt(raw.bytes, half.boundary) : raw.bytes;
  const steps = encodeRowPieces(encoder, bytes, raw.byteLength);
  let rest: AsyncIterable<Uint8Array> | undefined;
  try {
    for (;;) {
      const step = await steps.next();
      if (step.done) {
        rest = step.value;
        break;
      }
      if (half && step.value.position === half.boundary && !step.value.carrying) {
        // This thread's rows end at the boundary: the worker's rows are the rest, unless it found a row it cannot read.
        const result = await half.result;
        half = undefined;
        if (result) {
          rows += appendColumnsPart(targets, result);
          break;
        }
      }
      await pause();
    }
    if (rest) {
      for await (const batch of parseDelimitedChunks(rest, raw.format, 'utf8', false)) {
        encodeRows(batch);
        rows += batch.length;
        await pause();
      }
    }
  } finally {
    raw.close();
  }
  return rows + encoder.rows;
}
