import type { DelimitedFormat } from '../io/DelimitedFormat.js';
import { QUOTE, TAB } from '../io/charCodes.js';
import { byteCellText, isBlankByte, type CellTextRules } from './byteCellText.js';
import { keepShape } from '../io/keepShape.js';

/**
 * Rows laid out per `scan`: a fixed layout (a few hundred KB) rather than
 * one that grows to a whole read chunk's rows (1.2 MB of starts and ends
 * for a 1 MiB chunk of 20-byte rows), which each load allocated again.
 */
const LAYOUT_ROWS = 8192;

/**
 * Rows of one data byte (no delimiter is a non-ASCII byte), one more than a
 * layout holds, the last with no line feed: a scan of it fills the layout.
 */
const WARM_UP = Uint8Array.from({ length: 2 * LAYOUT_ROWS + 1 }, (_, i) => (i % 2 ? 0x0a : 0x80));

/**
 * The first pass over a piece of a delimited file's bytes: finds its rows and
 * cells, up to `LAYOUT_ROWS` rows at a time, laying them out `width` per row
 * (cell `c` of row `r` at `r * width + c`; a missing cell starts at -1,
 * cells past `width` are dropped). A loop with nothing but the scan in it,
 * so the JIT keeps it tight; the lookups run over the layout afterwards (see
 * ByteRowEncoder).
 */
export class ByteRowScanner implements CellTextRules {
  readonly quoted: boolean;
  readonly trim: boolean;
  readonly trimTabs: boolean;
  /** Per laid-out cell: its first byte (-1: the row has no such cell), and the byte after it. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** The offset of the first byte the last `scan` did not lay out. */
  end = 0;
  /** Set when `scan` stopped at a row only the text parser reads. */
  stopped = false;
  /** Set when `scan` stopped because the layout was full: the rows from `end` on are still to scan. */
  full = false;
  private readonly delimiter: number;

  constructor(
    format: DelimitedFormat,
    readonly width: number,
    private readonly decoder: TextDecoder,
  ) {
    this.delimiter = format.delimiter.charCodeAt(0);
    this.quoted = format.quoting !== 'none';
    this.trim = format.trim;
    this.trimTabs = this.delimiter !== TAB;
    const cells = LAYOUT_ROWS * Math.max(width, 1);
    this.starts = new Int32Array(cells);
    this.ends = new Int32Array(cells);
    // First scans that fill the layout and then end the buffer, so every path of the loop and after
    // it has run once. Otherwise the code V8 compiles in the middle of the first piece lacks what
    // follows the loop, bails out there at the end of every piece, and each piece starts over in
    // the interpreter.
    this.scan(WARM_UP, false);
    this.scan(WARM_UP, false, this.end);
    this.end = 0;
  }

  /**
   * Lays out the rows of `buf` from offset `from` (a row's first byte), which
   * ends at a line feed or at the end of the file, and returns how many.
   * `end` is then the first byte not laid out: the row after a full layout
   * (`full`), the row it stopped at (`stopped`: a bare CR, or a quoted cell
   * the file leaves open), or, when `more` bytes follow, a row whose quoted
   * cell runs past `buf`. Blank lines are no rows.
   */
  scan(buf: Uint8Array, more: boolean, from = 0): number {
    const length = buf.length;
    const delimiter = this.delimiter;
    const quoted = this.quoted;
    const width = this.width;
    // Where a row's cells go no longer fits one more row: the layout is full.
    const last = this.starts.length - Math.max(width, 1);
    // Literals and locals only in this loop: an imported or module-level constant is
    // loaded (and checked) again at every use, here at every byte. 10 = LF, 13 = CR, 34 = QUOTE.
    const starts = this.starts;
    const ends = this.ends;
    let rows = 0;
    let base = 0;
    let rowStart = from;
    let column = 0;
    let start = from;
    this.stopped = false;
    this.full = false;
    for (let i = from; i < length; i++) {
      let byte = buf[i];
      // Most bytes are data: run through them in a loop of their own, which V8 compiles far
      // tighter than a `continue` back into this one (the whole encode, scan and lookups, took
      // 0.79-0.82 of the time in interleaved runs on the 1M-row CSV; 0.95 when every cell is quoted).
      if (byte > 34 && byte !== delimiter) {
        do i++;
        while (i < length && (byte = buf[i]) > 34 && byte !== delimiter);
        if (i === length) break;
      }
      if (byte === delimiter) {
        if (column < width) {
          starts[base + column] = start;
          ends[base + column] = i;
        }
        column++;
        start = i + 1;
      } else if (byte === 10 || byte === 13) {
        let next = i + 1;
        // A CR ends a row only as part of CRLF (or as the last byte).
        if (byte === 13 && next < length) {
          if (buf[next] !== 10) return this.stop(rowStart, rows);
          next++;
        }
        const after = this.closeRow(buf, rowStart, i, column, start, base);
        rowStart = start = next;
        column = 0;
        i = next - 1;
        if (after !== base) {
          rows++;
          base = after;
          if (base > last) {
            this.full = next < length;
            this.end = next;
            return rows;
          }
        }
      } else if (byte === 34 && quoted && (i === start || this.atCellStart(buf, start, i))) {
        // The quote that closes the cell (a doubled quote is one quote of data), or -1 when `buf`
        // ends inside it; searched here rather than in a function of its own, which cost the
        // encode (scan and lookups) of an all-quoted CSV an eighth of its time (interleaved runs, 1M rows).
        let close = i + 1;
        for (;;) {
          while (close < length && buf[close] !== 34) close++;
          if (close >= length) {
            close = -1;
            break;
          }
          if (buf[close + 1] !== 34) break;
          close += 2;
        }
        if (close < 0) {
          if (!more) return this.stop(rowStart, rows);
          this.end = rowStart;
          return rows;
        }
        i = close;
      }
    }
    if (rowStart < length && this.closeRow(buf, rowStart, length, column, start, base) !== base)
      rows++;
    this.end = length;
    return rows;
  }

  /**
   * Lays out the row `buf[rowStart, rowEnd)`'s last cell (from `start`) and
   * marks its missing cells; returns where the next row's cells go, or `base`
   * again when the row is blank (a line with one empty field, after trimming
   * or unquoting: no row).
   */
  private closeRow(
    buf: Uint8Array,
    rowStart: number,
    rowEnd: number,
    column: number,
    start: number,
    base: number,
  ): number {
    const width = this.width;
    if (column < width) {
      this.starts[base + column] = start;
      this.ends[base + column] = rowEnd;
    }
    if (column === 0 && this.isBlankRow(buf, rowStart, rowEnd)) return base;
    for (let c = column + 1; c < width; c++) this.starts[base + c] = -1;
    return base + Math.max(width, 1);
  }

  /** The text of a laid-out cell, as the text parser reads it. */
  textOf(buf: Uint8Array, start: number, end: number): string {
    return byteCellText(buf, start, end, this, this.decoder);
  }

  private stop(rowStart: number, rows: number): number {
    this.stopped = true;
    this.end = rowStart;
    return rows;
  }

  /** Whether only blanks (when trimming) precede `at` in the cell from `start`: where a quote opens a quoted cell. */
  private atCellStart(buf: Uint8Array, start: number, at: number): boolean {
    if (!this.trim) return at === start;
    for (let i = start; i < at; i++) if (!isBlankByte(buf[i], this)) return false;
    return true;
  }

  private isBlankRow(buf: Uint8Array, from: number, to: number): boolean {
    let at = from;
    if (this.trim) while (at < to && isBlankByte(buf[at], this)) at++;
    if (at === to) return true;
    return this.quoted && buf[at] === QUOTE && this.textOf(buf, from, to) === '';
  }
}

/** A scanner kept alive for good (see keepShape), also the one the kept column cells refer to. */
export const KEPT_SCANNER = keepShape(
  new ByteRowScanner({ delimiter: ',', quoting: 'msq', trim: true }, 1, new TextDecoder()),
);
