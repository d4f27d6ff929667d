import { DataFileError } from './DataFileError.js';
import { DISTINCT_MIN, JsonColumnCells, type JsonColumn } from './JsonColumnCells.js';
import { JsonRecordScanner, ScanStop, type JsonKeyFields } from './JsonRecordScanner.js';

export type { JsonColumn } from './JsonColumnCells.js';

/**
 * Encodes the records of a JSON array, fed as pieces of its bytes, straight
 * into dictionary columns, one per key in first-seen order, with the values
 * `JSON.parse` and `jsonToValue` give. Two passes per layout of records, as
 * for delimited files: the scanner lays out the values of the next records
 * of a piece (and checks the structure around them), then each column's
 * values are looked up in that column's byte table, so only a value the
 * column has not seen yet is decoded (see JsonColumnCells). A key given
 * twice in a record keeps its last value and a missing key is null, as
 * with `JSON.parse`.
 */
export class JsonRecordEncoder implements JsonKeyFields {
  /** The keys in first-seen order, and their columns. */
  readonly fieldNames: string[] = [];
  readonly columns: JsonColumn[] = [];
  /** Records encoded so far. */
  rows = 0;
  /** Whether the array's closing bracket has been read. */
  closed = false;
  /** Where the whole records of the last piece start and end in it (-1: none), a run to parse again. */
  runStart = -1;
  runEnd = -1;
  private readonly cells: JsonColumnCells[] = [];
  private readonly scanner = new JsonRecordScanner(this);
  private readonly fieldOf = new Map<string, number>();
  /** Fields by a key's bytes as written (read as latin1: one char a byte), so each spelling is parsed once. */
  private readonly fieldOfBytes = new Map<string, number>();

  /** The bytes last encoded as a Buffer, for decoding values. */
  private text: Buffer = Buffer.alloc(0);
  private textOf: Uint8Array | undefined;

  constructor(
    private readonly scriptPath: string,
    private readonly newColumn: (name: string) => JsonColumn,
    /** When a column's byte table gives way to its dictionary alone (see JsonColumnCells); less only to warm the code up. */
    private readonly distinctMin = DISTINCT_MIN,
  ) {}

  /**
   * Encodes the records in `bytes[start, end)`, the array's bytes after its
   * `[` (records, commas, blanks, then `]`); the offset where it stopped: at
   * the first record the piece cuts (the next piece must start there), after
   * the `]`, or `end`. In the `final` piece a cut record is a fault.
   */
  encode(bytes: Uint8Array, start: number, end: number, final: boolean): number {
    const scanner = this.scanner;
    if (this.textOf !== bytes) {
      this.textOf = bytes;
      this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    const text = this.text;
    this.runStart = -1;
    this.runEnd = -1;
    let from = start;
    for (;;) {
      const rows = scanner.scan(bytes, from, end);
      if (rows > 0) {
        const cells = this.cells;
        for (let c = 0; c < cells.length; c++) cells[c].append(bytes, text, scanner, c, rows);
        this.rows += rows;
        if (this.runStart < 0) this.runStart = scanner.runStart;
        this.runEnd = scanner.runEnd;
      }
      from = scanner.end;
      switch (scanner.stop) {
        case ScanStop.Full:
          continue;
        case ScanStop.NewKey:
          this.addField(this.keyName(bytes, scanner.keyStart, scanner.keyEnd));
          continue;
        case ScanStop.Closed:
          this.closed = true;
          return from;
        case ScanStop.Fault:
          return this.fail(bytes, from, end);
        case ScanStop.Cut:
          return final ? this.fail(bytes, end, end) : from;
        default:
          return from;
      }
    }
  }

  /** The field of a key the scanner did not find at its place; -1 for a key no field has yet. */
  keyField(bytes: Uint8Array, start: number, end: number): number {
    const written = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString(
      'latin1',
    );
    const known = this.fieldOfBytes.get(written);
    if (known !== undefined) return known;
    const field = this.fieldOf.get(this.keyName(bytes, start, end)) ?? -1;
    if (field >= 0) this.fieldOfBytes.set(written, field);
    return field;
  }

  private keyName(bytes: Uint8Array, start: number, end: number): string {
    return this.parse(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start)) as string;
  }

  /** A key first seen: a new column, null in the records before. */
  private addField(name: string): void {
    const field = this.fieldNames.length;
    const column = this.newColumn(name);
    column.pushNulls(this.rows);
    this.fieldNames.push(name);
    this.columns.push(column);
    this.cells.push(new JsonColumnCells(column, (bytes) => this.parse(bytes), this.distinctMin));
    this.fieldOf.set(name, field);
    this.scanner.widen(field + 1);
  }

  private parse(bytes: Buffer): unknown {
    try {
      return JSON.parse(bytes.toString('utf8'));
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      throw new DataFileError(
        'SCRIPT_FILE_FORMAT',
        `File '${this.scriptPath}' is not valid JSON: ${message}`,
        this.scriptPath,
        { cause },
      );
    }
  }

  private fail(bytes: Uint8Array, at: number, end: number): never {
    const what =
      at < end ? `has '${String.fromCharCode(bytes[at])}' out of place` : 'ends inside the array';
    throw new DataFileError(
      'SCRIPT_FILE_FORMAT',
      `File '${this.scriptPath}' is not valid JSON: it ${what}`,
      this.scriptPath,
    );
  }
}
