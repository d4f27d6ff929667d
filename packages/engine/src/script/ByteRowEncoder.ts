import type { DelimitedFormat } from '../io/DelimitedFormat.js';
import { textToValue, type NumberInterpretation } from '../io/textToValue.js';
import { ByteRowScanner, KEPT_SCANNER } from './ByteRowScanner.js';
import { ByteTextIndex } from '../io/ByteTextIndex.js';
import { wholeNumberAt } from '../io/wholeNumberAt.js';
import { ColumnBuilder } from './ColumnBuilder.js';
import { keepShape } from '../io/keepShape.js';

/**
 * Encodes rows of a delimited file's bytes into dictionary columns, in two
 * passes per layout of rows: the scanner lays out the cells of the next rows
 * of a piece, then each column's cells are looked up in that column's byte
 * table, so only a cell not seen before in its column is decoded and
 * interpreted.
 */
export class ByteRowEncoder {
  /** Rows encoded so far. */
  rows = 0;
  /** Set when `encode` stopped at a row only the text parser reads. */
  stopped = false;
  private readonly width: number;
  private readonly columns: (ColumnCells | undefined)[];
  private readonly scanner: ByteRowScanner;

  constructor(
    format: DelimitedFormat,
    private readonly targets: readonly (ColumnBuilder | undefined)[],
    numbers: NumberInterpretation,
  ) {
    this.width = targets.length;
    // ignoreBOM: a U+FEFF at a cell's start is data here, as it is mid-file for the text parser.
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    this.scanner = new ByteRowScanner(format, this.width, decoder);
    this.columns = targets.map((target) =>
      target ? new ColumnCells(target, this.scanner, numbers) : undefined,
    );
  }

  /**
   * Encodes the rows of `buf`, which ends at a line feed or at the end of the
   * file; returns the offset of the first byte not encoded. That is the row it
   * stopped at (`stopped`: a bare CR, or a quoted cell the file leaves open),
   * or, when `more` bytes follow, a row whose quoted cell runs past `buf`.
   * Only rows scanned whole are stored, so a row not encoded leaves no trace.
   */
  encode(buf: Uint8Array, more: boolean): number {
    const scanner = this.scanner;
    let from = 0;
    do {
      const rows = scanner.scan(buf, more, from);
      for (let c = 0; c < this.width; c++) this.columns[c]?.append(buf, c, rows);
      this.rows += rows;
      from = scanner.end;
    } while (scanner.full);
    this.stopped = scanner.stopped;
    return from;
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
}

/** One column's byte table, and what a cell new to it becomes. */
class ColumnCells {
  private readonly index = new ByteTextIndex();

  constructor(
    private readonly target: ColumnBuilder,
    private readonly scanner: ByteRowScanner,
    private readonly numbers: NumberInterpretation,
  ) {}

  /** Appends cell `c` of the `rows` rows laid out, one column at a time so one byte table stays hot. */
  append(buf: Uint8Array, c: number, rows: number): void {
    const { target, scanner, index } = this;
    target.reserveMore(rows);
    const { starts, ends, width } = scanner;
    const codes = target.indexes;
    let at = target.length;
    for (let r = 0; r < rows;) {
      const k = c + r * width;
      const found = index.findAll(buf, starts, ends, k, width, rows - r, codes, at);
      r += found;
      at += found;
      if (r === rows) break;
      // The cell at row r is new to the column.
      codes[at++] = this.added(buf, starts[k + found * width], ends[k + found * width]);
      r++;
    }
    target.length = at;
  }

  /** Interprets a cell not seen before in its column and remembers its dictionary index. */
  added(buf: Uint8Array, start: number, end: number): number {
    const whole = wholeNumberAt(buf, start, end);
    const value = this.target.indexOf(
      whole !== undefined ? whole : textToValue(this.scanner.textOf(buf, start, end), this.numbers),
    );
    this.index.add(buf, start, end, value);
    return value;
  }
}

keepShape(
  new ColumnCells(new ColumnBuilder(''), KEPT_SCANNER, { decimalSep: '.', thousandSep: '' }),
);
