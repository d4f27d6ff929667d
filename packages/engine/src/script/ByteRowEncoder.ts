import type { DelimitedFormat } from '../io/DelimitedFormat.js';
import { textToValue, type NumberInterpretation } from '../io/textToValue.js';
import { ByteRowScanner } from './ByteRowScanner.js';
import { ByteTextIndex } from './ByteTextIndex.js';
import type { ColumnBuilder } from './ColumnBuilder.js';

/**
 * Encodes rows of a delimited file's bytes into dictionary columns, in two
 * passes per piece: the scanner lays out the piece's cells, then
 * each column's cells are looked up in that column's byte table, so only a
 * cell not seen before in its column is decoded and interpreted.
 */
export class ByteRowEncoder {
  /** Rows encoded so far. */
  rows = 0;
  /** Set when `encode` stopped at a row only the text parser reads. */
  stopped = false;
  private readonly width: number;
  private readonly indexes: (ByteTextIndex | undefined)[];
  private readonly scanner: ByteRowScanner;

  constructor(
    format: DelimitedFormat,
    private readonly targets: readonly (ColumnBuilder | undefined)[],
    private readonly numbers: NumberInterpretation,
  ) {
    this.width = targets.length;
    this.indexes = targets.map((target) => (target ? new ByteTextIndex() : undefined));
    // ignoreBOM: a U+FEFF at a cell's start is data here, as it is mid-file for the text parser.
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    this.scanner = new ByteRowScanner(format, this.width, decoder);
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
    const rows = scanner.scan(buf, more);
    this.stopped = scanner.stopped;
    for (let c = 0; c < this.width; c++) {
      const target = this.targets[c];
      if (target) this.encodeColumn(buf, c, rows, target, this.indexes[c] as ByteTextIndex);
    }
    this.rows += rows;
    return scanner.end;
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

  /** Appends column `c` of the `rows` rows laid out, one column at a time so one byte table stays hot. */
  private encodeColumn(
    buf: Uint8Array,
    c: number,
    rows: number,
    target: ColumnBuilder,
    index: ByteTextIndex,
  ): void {
    const { starts, ends } = this.scanner;
    target.reserve(target.length + rows);
    const missing = (start: number, end: number) => this.addCell(target, index, buf, start, end);
    index.findAll(buf, starts, ends, c, this.width, rows, target.indexes, target.length, missing);
    target.length += rows;
  }

  /** Interprets a cell not seen before in its column and remembers its dictionary index. */
  private addCell(
    target: ColumnBuilder,
    index: ByteTextIndex,
    buf: Uint8Array,
    start: number,
    end: number,
  ): number {
    const value = target.indexOf(textToValue(this.scanner.textOf(buf, start, end), this.numbers));
    index.add(buf, start, end, value);
    return value;
  }
}
