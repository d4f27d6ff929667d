import type { DelimitedCell } from '../io/DelimitedParser.js';
import type { DelimitedFormat } from '../io/DelimitedFormat.js';
import { parseDelimitedChunks } from '../io/readDelimitedFile.js';
import type { NumberInterpretation } from '../io/textToValue.js';
import { ByteRowEncoder } from './ByteRowEncoder.js';
import type { ColumnBuilder } from './ColumnBuilder.js';
import type { RawDelimitedRows } from './RowStream.js';
import { CR, LF, QUOTE } from '../io/charCodes.js';
import { concatBytes } from '../io/concatBytes.js';

/** The most bytes a row may span before the text parser reads it instead. */
const MAX_CARRY_BYTES = 8 * 1024 * 1024;

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
  const pieces = rowAlignedPieces(raw.bytes)[Symbol.asyncIterator]();
  let first = true;
  // A quoted cell may hold line breaks and so run past a piece: its row waits for the next one.
  let carry: Uint8Array | undefined;
  let rest: AsyncIterable<Uint8Array> | undefined;
  try {
    for (;;) {
      const next = await pieces.next();
      const buf = next.done ? carry : carry ? concatBytes(carry, next.value) : next.value;
      if (!buf) break;
      const used = encoder.encode(buf, !next.done);
      if (first) encoder.reserveFor(raw.byteLength / Math.max(used, 1));
      first = false;
      carry = used < buf.length ? buf.subarray(used) : undefined;
      // A quote that never closes would make every piece join the carry; the text parser takes over instead.
      if (encoder.stopped || (carry && carry.length > MAX_CARRY_BYTES)) {
        rest = restOf(carry ?? new Uint8Array(0), pieces);
        break;
      }
      if (next.done) break;
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

/**
 * Re-cuts file chunks into pieces of whole rows (each ends with a line feed,
 * but the file's last one). Only the row that straddles two chunks is copied.
 */
async function* rowAlignedPieces(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let tail: Uint8Array | undefined;
  for await (const value of chunks) {
    const chunk = plainBytes(value);
    const last = chunk.lastIndexOf(LF);
    if (last < 0) {
      tail = tail ? concatBytes(tail, chunk) : chunk;
      continue;
    }
    let from = 0;
    if (tail) {
      from = chunk.indexOf(LF) + 1;
      yield concatBytes(tail, chunk.subarray(0, from));
    }
    if (last + 1 > from) yield chunk.subarray(from, last + 1);
    tail = last + 1 < chunk.length ? chunk.subarray(last + 1) : undefined;
  }
  if (tail) yield tail;
}

/** The bytes left in the current piece, then the pieces not read yet. */
async function* restOf(
  first: Uint8Array,
  chunks: AsyncIterator<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  if (first.length > 0) yield first;
  for (;;) {
    const next = await chunks.next();
    if (next.done) return;
    yield next.value;
  }
}

/**
 * The same bytes as a plain Uint8Array: file chunks are Buffers, joined ones
 * are not, and one shape keeps the scanning loop monomorphic.
 */
function plainBytes(chunk: Uint8Array): Uint8Array {
  return chunk.constructor === Uint8Array
    ? chunk
    : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
