import { open, type FileHandle } from 'node:fs/promises';
import { JsonRecordEncoder, type JsonColumn } from './JsonRecordEncoder.js';
import { keepShape } from './keepShape.js';
import { dataFileSize, fileNotFound, READ_CHUNK_BYTES } from './openDataFile.js';
import type { JsonOutline } from './readJsonFile.js';

/** A JSON file's records encoded into columns, and the outline to read them again as rows. */
export interface JsonColumns<C extends JsonColumn> {
  readonly outline: JsonOutline;
  /** One per field, in `outline.fieldNames` order, each `outline.rowCount` rows long. */
  readonly columns: C[];
}

const OPEN_BRACKET = 0x5b;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * Which records of a file to read: all of them (the whole array), the first
 * ones, up to a record's start (`end`), or the last ones, from a record's
 * start (`start`) to the array's end. A caller cutting the file proves the
 * cut by the first part ending between two records.
 */
export interface JsonArrayPart {
  readonly start?: number;
  readonly end?: number;
}

/**
 * Reads a JSON file holding an array of records (or a part of it) in one
 * streamed pass straight into dictionary columns (`newColumn` makes one per
 * key, in first-seen order), holding a read chunk and the record it cuts,
 * whatever the file's size. Undefined when the file is not an array, or when
 * anything follows it, or when a part does not end or start between records:
 * the two-pass reader (`readJsonFile`) takes such a file and says what is
 * wrong. A record that is not valid JSON throws SCRIPT_FILE_FORMAT.
 */
export async function readJsonColumns<C extends JsonColumn>(
  absolutePath: string,
  scriptPath: string,
  newColumn: (name: string) => C,
  part: JsonArrayPart = {},
): Promise<JsonColumns<C> | undefined> {
  const size = await dataFileSize(absolutePath, scriptPath);
  // A large read warms the code up first, once per thread (see warmUpJsonColumns).
  if (!warmedUp && Math.min(part.end ?? size, size) - (part.start ?? 0) >= WARM_UP_FROM_BYTES) {
    warmedUp = true;
    warmUpJsonColumns(newColumn);
  }
  const reader = new JsonArrayColumns(scriptPath, newColumn, part.start);
  const file = await openFile(absolutePath, scriptPath);
  try {
    const start = part.start ?? 0;
    const end = Math.min(part.end ?? size, size);
    // The columns of a file's first part go on to take the rest's rows: room for the whole file.
    const rowsOf = part.end !== undefined ? size : end - start;
    // Read into the reader's window after the record the last read cut: no buffer per read.
    for (let position = start; position < end;) {
      const bytes = Math.min(READ_CHUNK_BYTES, end - position);
      const window = reader.space(bytes);
      const { bytesRead } = await file.read(window, reader.held, bytes, position);
      if (bytesRead === 0) break;
      if (position === start) reader.presizeAfter(bytesRead, rowsOf);
      position += bytesRead;
      if (!reader.commit(bytesRead)) return undefined;
    }
  } finally {
    await file.close();
  }
  if (part.end !== undefined ? !reader.endsBeforeRecord() : !reader.end()) return undefined;
  const { fieldNames, rows, columns } = reader.encoder;
  return {
    outline: { path: absolutePath, scriptPath, fieldNames, rowCount: rows, runs: reader.runs },
    columns: columns as C[],
  };
}

async function openFile(absolutePath: string, scriptPath: string): Promise<FileHandle> {
  try {
    return await open(absolutePath, 'r');
  } catch (cause) {
    throw fileNotFound(scriptPath, cause);
  }
}

/**
 * Where a record seems to start, looking from byte `near` on: the `{` after
 * the first `},` (blanks allowed) in the next 64 KiB; -1 if there is none.
 * Only a guess: those bytes may lie inside a string.
 */
export async function recordStartNear(absolutePath: string, near: number): Promise<number> {
  const file = await open(absolutePath, 'r');
  try {
    const window = Buffer.alloc(1 << 16);
    const { bytesRead } = await file.read(window, 0, window.length, near);
    for (let i = window.indexOf(CLOSE_BRACE); i >= 0 && i < bytesRead;) {
      let k = skipBlanks(window.subarray(0, bytesRead), i + 1);
      if (window[k] === COMMA) {
        k = skipBlanks(window.subarray(0, bytesRead), k + 1);
        if (k < bytesRead && window[k] === OPEN_BRACE) return near + k;
      }
      i = window.indexOf(CLOSE_BRACE, i + 1);
    }
    return -1;
  } finally {
    await file.close();
  }
}

/** The most rows the columns are presized for (16 MB of row indexes a column). */
const PRESIZE_MAX = 1 << 22;

/**
 * Reads from this many bytes on are preceded by the warm-up (about 50 ms the
 * first time, the code still cold; it spared a 1M-row file's first load
 * some 300 ms of CPU): a small read gains nothing from it.
 */
const WARM_UP_FROM_BYTES = 1 << 23;
let warmedUp = false;

/** Records in the warm-up: more than a layout holds (4,096), so every way a scan stops is taken. */
const WARM_UP_RECORDS = 4200;

/**
 * Reads a small array once, in many pieces, with every kind of value, keys
 * in another order, a new key, a column that drops its byte table: code V8
 * compiles in the middle of a file's first layouts otherwise lacks the paths
 * not taken yet, bails out when it meets them, and starts over (the scanner
 * was compiled and dropped a dozen times in a process's first load of the
 * 1M-row file). The reader is kept, so its shapes and their code stay alive.
 */
function warmUpJsonColumns(newColumn: (name: string) => JsonColumn): void {
  // A few records of every kind, then small ones up to a full layout: what costs is the bytes,
  // read before anything is compiled (about 200 ms for 420 KB of the first kind alone).
  const records = Array.from({ length: WARM_UP_RECORDS }, (_, i) =>
    i >= 64
      ? `{"i":${i}}`
      : i % 7 === 3
        ? `{"s": "t${i % 5}", "i": ${i}, "f": -${i}.5e1, "n": null, "b": false}`
        : `{"i":${i},"s":"s\\\\${i % 3}","f":${i % 9}.25,"b":true,"o":{"k":[1,"}"]},"d":"2020-01-0${i % 9}"}`,
  );
  const bytes = Buffer.from(`\uFEFF[\n${records.join(',\n\t')},{}, {"new": 1}\n]`);
  const reader = keepShape(new JsonArrayColumns('warm-up.json', newColumn, 0, 16));
  // The first records a byte at a time, so a piece ends at every place a record can be cut.
  const cuts = [...Array.from({ length: 240 }, (_, k) => k), bytes.length >> 1, bytes.length];
  for (let k = 1; k < cuts.length; k++) reader.push(bytes.subarray(cuts[k - 1], cuts[k]));
  if (!reader.end()) throw new Error('the JSON warm-up did not read as an array');
}

/** The bytes of a JSON array taken chunk by chunk into columns, as `readJsonColumns` reads them. */
export class JsonArrayColumns {
  readonly encoder: JsonRecordEncoder;
  /** [start, end) offsets of the runs of whole records, in pairs: each run can be parsed again as `[run]`. */
  readonly runs: number[] = [];
  /**
   * The bytes being read: from its start, the bytes pushed but not taken yet
   * (`held`: the record the last chunk cut), then the next chunk's. One
   * buffer for the whole read, grown only for a record longer than a chunk.
   */
  private window = new Uint8Array(0);
  /** Bytes held at the window's start, and the file offset of the window's first byte. */
  held = 0;
  private windowAt = 0;
  private opened = false;
  /** The room to make after the next bytes taken (see presizeAfter). */
  private presize: { bytes: number; total: number } | undefined;

  /** `from`: the file offset of the first byte pushed; past 0, where a record starts inside the array. */
  constructor(
    scriptPath: string,
    newColumn: (name: string) => JsonColumn,
    from = 0,
    distinctMin?: number,
  ) {
    this.encoder = new JsonRecordEncoder(scriptPath, newColumn, distinctMin);
    this.windowAt = from;
    this.opened = from > 0;
  }

  /** The window, with room for `bytes` more after the bytes held (write them at `held`, then `commit`). */
  space(bytes: number): Uint8Array {
    if (this.held + bytes > this.window.length) {
      const grown = new Uint8Array(Math.max(this.held + bytes, this.window.length * 2));
      grown.set(this.window.subarray(0, this.held));
      this.window = grown;
    }
    return this.window;
  }

  /**
   * Has the columns made room, once the next `bytes` are taken, for the rows
   * of `total` bytes at the rate those hold (a little more, as records vary),
   * which spares the copies of growing a column read by read.
   */
  presizeAfter(bytes: number, total: number): void {
    this.presize = { bytes, total };
  }

  /** Takes the `bytes` written after the bytes held; false when they turn out not to be an array of records alone. */
  commit(bytes: number): boolean {
    const taken = this.take(this.held + bytes, false);
    const presize = this.presize;
    if (presize !== undefined && this.encoder.rows > 0) {
      this.presize = undefined;
      const rate = this.encoder.rows / presize.bytes;
      // At most PRESIZE_MAX rows: a file of small records first and large ones after is not
      // given room for rows it does not have (past it, the columns grow by half as they fill).
      const rows = Math.min(Math.ceil(rate * presize.total * 1.05) + 1024, PRESIZE_MAX);
      for (const column of this.encoder.columns) column.reserve(rows);
    }
    return taken;
  }

  /** Takes the next chunk; false when the bytes turn out not to be an array of records alone. */
  push(chunk: Uint8Array): boolean {
    this.space(chunk.length).set(chunk, this.held);
    return this.commit(chunk.length);
  }

  /** Ends the input; false when it did not hold a whole array of records alone. */
  end(): boolean {
    if (this.held > 0 && !this.take(this.held, true)) return false;
    return this.encoder.closed;
  }

  /** Whether the bytes pushed end after a record and its comma: the next record starts where they end. */
  endsBeforeRecord(): boolean {
    const window = this.window;
    if (!this.opened || this.encoder.closed || this.held === 0 || window[0] !== COMMA) return false;
    return skipBlanks(window, 1, this.held) === this.held;
  }

  /** Encodes `window[0, length)`; keeps what it did not take at the window's start. */
  private take(length: number, final: boolean): boolean {
    const bytes = this.window;
    // Nothing is held unless `keep` says so.
    this.held = 0;
    let i = 0;
    if (!this.opened) {
      // A byte order mark and blanks may come before the `[`, cut by the chunks' ends.
      if (length < 3 && !final) return this.keep(length, 0);
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
      i = skipBlanks(bytes, i, length);
      if (i === length) return !final && this.keep(length, 0);
      if (bytes[i] !== OPEN_BRACKET) return false;
      this.opened = true;
      i++;
    }
    const encoder = this.encoder;
    if (encoder.closed) return skipBlanks(bytes, i, length) === length;
    const stop = encoder.encode(bytes, i, length, final);
    const base = this.windowAt;
    if (encoder.runStart >= 0) this.runs.push(base + encoder.runStart, base + encoder.runEnd);
    if (encoder.closed) return skipBlanks(bytes, stop, length) === length;
    return this.keep(length, stop);
  }

  /** Keeps `window[from, length)` for the next chunk, moved to the window's start. */
  private keep(length: number, from: number): true {
    this.window.copyWithin(0, from, length);
    this.held = length - from;
    this.windowAt += from;
    return true;
  }
}

function skipBlanks(bytes: Uint8Array, from: number, end = bytes.length): number {
  let i = from;
  while (
    i < end &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  return i;
}
