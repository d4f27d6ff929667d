import type { DelimitedCell } from '../io/DelimitedParser.js';
import type { DelimitedFormat } from '../io/DelimitedFormat.js';
import { parseDelimitedChunks } from '../io/readDelimitedFile.js';
import { textToValue, type NumberInterpretation } from '../io/textToValue.js';
import { BYTE_HASH_PRIME, BYTE_HASH_SEED, ByteTextIndex } from './ByteTextIndex.js';
import type { ColumnBuilder } from './ColumnBuilder.js';
import type { RawDelimitedRows } from './RowStream.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;

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
 * and interpreted (`textToValue`). Rows with a quote or a bare CR, and all
 * rows after them, go through the text parser (`encodeRows`), whose
 * interpretation is the same. `targets[i]` receives source field i (none:
 * skipped). Returns the number of rows read.
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
  try {
    for (;;) {
      const next = await pieces.next();
      if (next.done) break;
      const used = encoder.encode(next.value);
      if (first) encoder.reserveFor(raw.byteLength / used);
      first = false;
      if (encoder.stopped) {
        const rest = restOf(next.value.subarray(used), pieces);
        for await (const batch of parseDelimitedChunks(rest, raw.format, 'utf8', false)) {
          encodeRows(batch);
          rows += batch.length;
          await pause();
        }
        break;
      }
      await pause();
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
      tail = tail ? concat(tail, chunk) : chunk;
      continue;
    }
    let from = 0;
    if (tail) {
      from = chunk.indexOf(LF) + 1;
      yield concat(tail, chunk.subarray(0, from));
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
 * are not, and one shape keeps the scanning loop monomorphic (about 2x faster).
 */
function plainBytes(chunk: Uint8Array): Uint8Array {
  return chunk.constructor === Uint8Array
    ? chunk
    : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** Scans rows of bytes into the target columns. */
class ByteRowEncoder {
  /** Rows encoded so far. */
  rows = 0;
  /** Set when `encode` stopped at a row only the text parser reads (a quote or a bare CR). */
  stopped = false;
  private readonly delimiter: number;
  private readonly quoted: boolean;
  private readonly trim: boolean;
  private readonly trimTabs: boolean;
  private readonly width: number;
  private readonly indexes: (ByteTextIndex | undefined)[];
  /** Where the cells of the row being scanned start and end, and their hashes. */
  private readonly cellStarts: Int32Array;
  private readonly cellEnds: Int32Array;
  private readonly cellHashes: Int32Array;
  // ignoreBOM: a U+FEFF at a cell's start is data here, as it is mid-file for the text parser.
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  constructor(
    format: DelimitedFormat,
    private readonly targets: readonly (ColumnBuilder | undefined)[],
    private readonly numbers: NumberInterpretation,
  ) {
    this.delimiter = format.delimiter.charCodeAt(0);
    this.quoted = format.quoting !== 'none';
    this.trim = format.trim;
    this.trimTabs = this.delimiter !== TAB;
    this.width = targets.length;
    this.indexes = targets.map((target) => (target ? new ByteTextIndex() : undefined));
    this.cellStarts = new Int32Array(this.width);
    this.cellEnds = new Int32Array(this.width);
    this.cellHashes = new Int32Array(this.width);
  }

  /**
   * Encodes the rows of `buf`, whose end is the end of a row; returns the
   * offset of the first byte not encoded (the row it stopped at). One pass: cells are
   * hashed as the bytes go by and a row's cells are only stored at its line
   * break, so a row that turns out to need the text parser leaves no trace.
   */
  encode(buf: Uint8Array): number {
    const length = buf.length;
    const delimiter = this.delimiter;
    const quoted = this.quoted;
    const width = this.width;
    const starts = this.cellStarts;
    const ends = this.cellEnds;
    const hashes = this.cellHashes;
    let rowStart = 0;
    let column = 0;
    let start = 0;
    let hash = BYTE_HASH_SEED;
    this.stopped = false;
    for (let i = 0; i < length; i++) {
      const byte = buf[i];
      if (byte === delimiter) {
        if (column < width) {
          starts[column] = start;
          ends[column] = i;
          hashes[column] = hash;
        }
        column++;
        start = i + 1;
        hash = BYTE_HASH_SEED;
      } else if (byte <= QUOTE && (byte === LF || byte === CR || (byte === QUOTE && quoted))) {
        let next = i + 1;
        if (byte === CR) {
          // A CR ends a row only as part of CRLF (or as the last byte).
          if (next < length) {
            if (buf[next] !== LF) return this.stop(rowStart);
            next++;
          }
        } else if (byte === QUOTE) return this.stop(rowStart);
        this.commitRow(buf, rowStart, i, column, start, hash);
        rowStart = next;
        i = next - 1;
        column = 0;
        start = next;
        hash = BYTE_HASH_SEED;
      } else hash = Math.imul(hash ^ byte, BYTE_HASH_PRIME);
    }
    if (rowStart === length) return length;
    this.commitRow(buf, rowStart, length, column, start, hash);
    return length;
  }

  /**
   * Presizes the columns for `parts` times the rows encoded so far (plus a
   * little, as row lengths vary), which spares the copies of growing.
   */
  reserveFor(parts: number): void {
    if (!Number.isFinite(parts) || this.rows === 0) return;
    const rows = Math.ceil(this.rows * parts * 1.05) + 1024;
    for (const target of this.targets) target?.reserve(rows);
  }

  private stop(rowStart: number): number {
    this.stopped = true;
    return rowStart;
  }

  /** Stores the cells of the row `buf[from, to)`, whose last cell starts at `start`. */
  private commitRow(
    buf: Uint8Array,
    from: number,
    to: number,
    lastColumn: number,
    start: number,
    hash: number,
  ): void {
    // A line with one empty field (after trimming) is blank, and blank lines are no rows.
    if (lastColumn === 0 && this.isBlank(buf, from, to)) return;
    const width = this.width;
    if (lastColumn < width) {
      this.cellStarts[lastColumn] = start;
      this.cellEnds[lastColumn] = to;
      this.cellHashes[lastColumn] = hash;
    }
    const filled = Math.min(lastColumn + 1, width);
    for (let c = 0; c < filled; c++)
      this.cell(c, buf, this.cellStarts[c], this.cellEnds[c], this.cellHashes[c]);
    for (let c = filled; c < width; c++) this.targets[c]?.pushIndex(-1);
    this.rows++;
  }

  private cell(column: number, buf: Uint8Array, start: number, end: number, hash: number): void {
    const target = this.targets[column];
    if (!target) return;
    const index = this.indexes[column] as ByteTextIndex;
    let value = index.find(buf, start, end, hash);
    if (value < 0) {
      value = target.indexOf(textToValue(this.textOf(buf, start, end), this.numbers));
      index.add(buf, start, end, hash, value);
    }
    target.pushIndex(value);
  }

  /** The cell's text, trimmed as the text parser trims unquoted fields. */
  private textOf(buf: Uint8Array, start: number, end: number): string {
    let from = start;
    let to = end;
    if (this.trim) {
      while (from < to && this.isBlankByte(buf[from])) from++;
      while (to > from && this.isBlankByte(buf[to - 1])) to--;
    }
    return from === to ? '' : this.decoder.decode(buf.subarray(from, to));
  }

  private isBlank(buf: Uint8Array, from: number, to: number): boolean {
    if (!this.trim) return from === to;
    for (let i = from; i < to; i++) if (!this.isBlankByte(buf[i])) return false;
    return true;
  }

  private isBlankByte(byte: number): boolean {
    return byte === SPACE || (byte === TAB && this.trimTabs);
  }
}
