import { ByteTextIndex } from './ByteTextIndex.js';
import { jsonToValue, type DictionaryColumn } from './jsonRecordValues.js';
import type { JsonRecordScanner } from './JsonRecordScanner.js';
import { wholeNumberAt } from './wholeNumberAt.js';
import type { Value } from '../value/Value.js';

/** A column the encoder fills: a dictionary, rows written straight into its index array, nulls for the rows before its key first appeared. */
export interface JsonColumn extends DictionaryColumn {
  /** Dictionary index per row (-1: null); rows past `length` are room to write in. */
  readonly indexes: Int32Array;
  length: number;
  /** Makes room for `rows` rows in all. */
  reserve(rows: number): void;
  /** Makes room for `rows` more rows, growing by half again past the room there is. */
  reserveMore(rows: number): void;
  pushNulls(count: number): void;
}

/** Entries a column's byte table holds before it may be dropped as holding mostly distinct values. */
export const DISTINCT_MIN = 1 << 12;
/** Values read without a table between two looks at how many of them were in the dictionary already. */
const DIRECT_WINDOW = 1 << 12;

/**
 * One JSON column's byte table, and what a value new to it becomes. Equal
 * bytes are the same JSON value, so a value seen before is found from its
 * bytes alone; equal values written differently (`1`, `1.0`) have entries of
 * their own that hold the same dictionary index. A column whose values are
 * mostly distinct (an id) drops its table, which would find nothing and only
 * grow: its values then go straight to the column's dictionary, until most
 * of them are found there (a column of a few thousand values in a cycle),
 * when a new table takes over. (Kept to 65,536 entries, an id's table cost
 * the loading thread about a tenth of a 1M-row load.)
 */
export class JsonColumnCells {
  private index: ByteTextIndex | undefined = new ByteTextIndex();
  /** Entries in the column's dictionary: indexes are given in order, so a new value's is this. */
  private entries = 0;
  /** Values read without a table since the last look, and how many of them the dictionary had. */
  private directRows = 0;
  private repeats = 0;

  constructor(
    private readonly column: JsonColumn,
    /** JSON.parse of a value's bytes, with the file's error when they are not JSON. */
    private readonly parse: (bytes: Buffer) => unknown,
    private readonly distinctMin = DISTINCT_MIN,
  ) {}

  /**
   * Appends value `c` of the `rows` records the scanner laid out from
   * `bytes` (`text`: a Buffer of the same bytes, to decode them; the byte
   * loops read a plain Uint8Array, as the delimited files' do, so the code
   * they share sees one kind of array).
   */
  append(
    bytes: Uint8Array,
    text: Buffer,
    scanner: JsonRecordScanner,
    c: number,
    rows: number,
  ): void {
    const column = this.column;
    column.reserveMore(rows);
    const { starts, ends, width } = scanner;
    const codes = column.indexes;
    let at = column.length;
    let r = 0;
    const index = this.index;
    if (index !== undefined)
      while (r < rows) {
        const k = c + r * width;
        const found = index.findAll(bytes, starts, ends, k, width, rows - r, codes, at);
        r += found;
        at += found;
        if (r === rows) break;
        // The value of record r is new to the column.
        const start = starts[k + found * width];
        const value = this.added(bytes, text, start, ends[k + found * width], at);
        codes[at++] = value;
        r++;
        if (this.index === undefined) break;
      }
    for (let k = c + r * width; r < rows; r++, k += width) {
      const start = starts[k];
      if (start < 0) {
        codes[at++] = -1;
        continue;
      }
      const value = column.indexOf(this.valueAt(bytes, text, start, ends[k]));
      codes[at++] = value;
      if (value < this.entries) this.repeats++;
      else this.entries = value + 1;
      if (++this.directRows === DIRECT_WINDOW) this.lookAtRepeats();
    }
    column.length = at;
  }

  /** After a window of values read without a table: a new table when most of them repeated. */
  private lookAtRepeats(): void {
    if (this.repeats * 2 > this.directRows) this.index = new ByteTextIndex();
    this.directRows = 0;
    this.repeats = 0;
  }

  /** The dictionary index of a value the table does not know, stored for the next time (`rows`: the column's rows so far). */
  private added(bytes: Uint8Array, text: Buffer, start: number, end: number, rows: number): number {
    const value = this.column.indexOf(this.valueAt(bytes, text, start, end));
    if (value >= this.entries) this.entries = value + 1;
    const index = this.index!;
    // A value that is null after all (a number past a double's range) has no entry: -1 is no index.
    if (value >= 0) index.add(bytes, start, end, value);
    if (index.size > this.distinctMin && index.size * 2 > rows) this.index = undefined;
    return value;
  }

  private valueAt(bytes: Uint8Array, text: Buffer, start: number, end: number): Value {
    const value = decode(bytes, text, start, end);
    return value !== undefined ? value : jsonToValue(this.parse(text.subarray(start, end)));
  }
}

/**
 * The value of the commonest JSON values without JSON.parse: an integer of at
 * most 15 digits (exact in a double) written as the delimited files' whole
 * numbers are, and a string with no escape and no control character. Undefined for anything else, which JSON.parse then reads
 * (and judges).
 */
function decode(
  bytes: Uint8Array,
  text: Buffer,
  start: number,
  end: number,
): number | string | undefined {
  const first = bytes[start];
  // 34 QUOTE, 32 SPACE, 92 BACKSLASH.
  if (first === 34) {
    for (let k = start + 1; k < end - 1; k++)
      if (bytes[k] < 32 || bytes[k] === 92) return undefined;
    return text.toString('utf8', start + 1, end - 1);
  }
  // Anything else an integer may be in JSON (-0) is read by JSON.parse, as is what it may not be (007).
  return wholeNumberAt(bytes, start, end);
}
