import type { DelimitedFormat } from '../io/DelimitedFormat.js';
import { textToValue, type NumberInterpretation } from '../io/textToValue.js';
import { BYTE_HASH_PRIME, BYTE_HASH_SEED, ByteTextIndex } from './ByteTextIndex.js';
import type { ColumnBuilder } from './ColumnBuilder.js';
import { CR, LF, QUOTE, SPACE, TAB } from '../io/charCodes.js';

/**
 * Scans rows of a delimited file's bytes into dictionary columns: a hash
 * per cell while scanning, a per-column byte table to find repeated cells.
 */
export class ByteRowEncoder {
  /** Rows encoded so far. */
  rows = 0;
  /** Set when `encode` stopped at a row only the text parser reads. */
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
   * Encodes the rows of `buf`, which ends at a line feed or at the end of the
   * file; returns the offset of the first byte not encoded. That is the row it
   * stopped at (`stopped`: a bare CR, or a quoted cell the file leaves open),
   * or, when `more` bytes follow, a row whose quoted cell runs past `buf`.
   * One pass: cells are hashed as the bytes go by and a row's cells are only
   * stored at its line break, so a row not encoded leaves no trace.
   */
  encode(buf: Uint8Array, more: boolean): number {
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
    let i = 0;
    while (i < length) {
      const byte = buf[i];
      // Most bytes are data: hashed, and nothing else to decide.
      if (byte > QUOTE && byte !== delimiter) {
        hash = Math.imul(hash ^ byte, BYTE_HASH_PRIME);
        i++;
      } else if (byte === delimiter) {
        if (column < width) {
          starts[column] = start;
          ends[column] = i;
          hashes[column] = hash;
        }
        column++;
        start = ++i;
        hash = BYTE_HASH_SEED;
      } else if (byte === LF || byte === CR) {
        let next = i + 1;
        // A CR ends a row only as part of CRLF (or as the last byte).
        if (byte === CR && next < length) {
          if (buf[next] !== LF) return this.stop(rowStart);
          next++;
        }
        this.commitRow(buf, rowStart, i, column, start, hash);
        rowStart = next;
        i = next;
        column = 0;
        start = next;
        hash = BYTE_HASH_SEED;
      } else if (byte === QUOTE && quoted && this.atCellStart(buf, start, i)) {
        const close = this.closingQuote(buf, i, hash);
        if (close < 0) return more ? rowStart : this.stop(rowStart);
        hash = this.quotedHash;
        i = close + 1;
      } else {
        hash = Math.imul(hash ^ byte, BYTE_HASH_PRIME);
        i++;
      }
    }
    if (rowStart < length) this.commitRow(buf, rowStart, length, column, start, hash);
    return length;
  }

  /** Whether only blanks (when trimming) precede `at` in the cell from `start`: where a quote opens a quoted cell. */
  private atCellStart(buf: Uint8Array, start: number, at: number): boolean {
    if (!this.trim) return at === start;
    for (let i = start; i < at; i++) if (!this.isBlankByte(buf[i])) return false;
    return true;
  }

  /** The hash of a cell through its closing quote, set by `closingQuote`. */
  private quotedHash = 0;

  /**
   * The offset of the quote that closes the quoted cell opening at `open`
   * (a doubled quote is one quote of data), or -1 when `buf` ends inside it.
   */
  private closingQuote(buf: Uint8Array, open: number, hash: number): number {
    const length = buf.length;
    let h = Math.imul(hash ^ QUOTE, BYTE_HASH_PRIME);
    for (let i = open + 1; i < length; i++) {
      const byte = buf[i];
      h = Math.imul(h ^ byte, BYTE_HASH_PRIME);
      if (byte !== QUOTE) continue;
      if (buf[i + 1] !== QUOTE) {
        this.quotedHash = h;
        return i;
      }
      h = Math.imul(h ^ QUOTE, BYTE_HASH_PRIME);
      i++;
    }
    return -1;
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
    // A line with one empty field (after trimming or unquoting) is blank, and blank lines are no rows.
    if (lastColumn === 0 && this.isBlankRow(buf, from, to)) return;
    const width = this.width;
    if (lastColumn < width) {
      this.cellStarts[lastColumn] = start;
      this.cellEnds[lastColumn] = to;
      this.cellHashes[lastColumn] = hash;
    }
    const filled = Math.min(lastColumn + 1, width);
    const targets = this.targets;
    const indexes = this.indexes;
    const starts = this.cellStarts;
    const ends = this.cellEnds;
    const hashes = this.cellHashes;
    for (let c = 0; c < filled; c++) {
      const target = targets[c];
      if (!target) continue;
      let value = (indexes[c] as ByteTextIndex).find(buf, starts[c], ends[c], hashes[c]);
      if (value < 0) value = this.addCell(c, buf, starts[c], ends[c], hashes[c]);
      target.pushIndex(value);
    }
    for (let c = filled; c < width; c++) targets[c]?.pushIndex(-1);
    this.rows++;
  }

  /** Interprets a cell not seen before in its column and remembers its dictionary index. */
  private addCell(
    column: number,
    buf: Uint8Array,
    start: number,
    end: number,
    hash: number,
  ): number {
    const target = this.targets[column] as ColumnBuilder;
    const value = target.indexOf(textToValue(this.textOf(buf, start, end), this.numbers));
    (this.indexes[column] as ByteTextIndex).add(buf, start, end, hash, value);
    return value;
  }

  /** The cell's text as the text parser reads it: unquoted, or trimmed when not quoted. */
  private textOf(buf: Uint8Array, start: number, end: number): string {
    let from = start;
    let to = end;
    if (this.trim) while (from < to && this.isBlankByte(buf[from])) from++;
    if (this.quoted && buf[from] === QUOTE && from < to)
      return unquoted(this.decoder.decode(buf.subarray(from, to)), this.trim);
    if (this.trim) while (to > from && this.isBlankByte(buf[to - 1])) to--;
    return from === to ? '' : this.decoder.decode(buf.subarray(from, to));
  }

  private isBlankRow(buf: Uint8Array, from: number, to: number): boolean {
    let at = from;
    if (this.trim) while (at < to && this.isBlankByte(buf[at])) at++;
    if (at === to) return true;
    return this.quoted && buf[at] === QUOTE && this.textOf(buf, from, to) === '';
  }

  private isBlankByte(byte: number): boolean {
    return byte === SPACE || (byte === TAB && this.trimTabs);
  }
}

/**
 * The value of a quoted cell's text (which starts at its opening quote and
 * ends before the delimiter): doubled quotes are one, and text after the
 * closing quote is kept (right-trimmed when trimming), as the text parser does.
 */
function unquoted(text: string, trim: boolean): string {
  let value = '';
  let from = 1;
  for (;;) {
    const close = text.indexOf('"', from);
    if (close < 0) return value + text.slice(from);
    value += text.slice(from, close);
    if (text.charCodeAt(close + 1) === QUOTE) {
      value += '"';
      from = close + 2;
      continue;
    }
    const trailing = text.slice(close + 1);
    return value + (trim ? trailing.trimEnd() : trailing);
  }
}
