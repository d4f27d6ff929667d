import { open } from 'node:fs/promises';
import { JsonRecordEncoder, type JsonColumn } from './JsonRecordEncoder.js';
import { openDataFile } from './openDataFile.js';
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
  const { stream } = await openDataFile(absolutePath, scriptPath, part);
  const reader = new JsonArrayColumns(scriptPath, newColumn, part.start);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>)
      if (!reader.push(chunk)) return undefined;
  } finally {
    stream.destroy();
  }
  if (part.end !== undefined ? !reader.endsBeforeRecord() : !reader.end()) return undefined;
  const { fieldNames, rows, columns } = reader.encoder;
  return {
    outline: { path: absolutePath, scriptPath, fieldNames, rowCount: rows, runs: reader.runs },
    columns: columns as C[],
  };
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

/** The bytes of a JSON array taken chunk by chunk into columns, as `readJsonColumns` reads them. */
export class JsonArrayColumns {
  readonly encoder: JsonRecordEncoder;
  /** [start, end) offsets of the runs of whole records, in pairs: each run can be parsed again as `[run]`. */
  readonly runs: number[] = [];
  /** Bytes pushed but not taken yet (the record the last chunk cut), and the offset of their first byte. */
  private carry: Buffer | undefined;
  private carryAt = 0;
  private pushed = 0;
  private opened = false;

  /** `from`: the file offset of the first byte pushed; past 0, where a record starts inside the array. */
  constructor(scriptPath: string, newColumn: (name: string) => JsonColumn, from = 0) {
    this.encoder = new JsonRecordEncoder(scriptPath, newColumn);
    this.pushed = from;
    this.opened = from > 0;
  }

  /** Takes the next chunk; false when the bytes turn out not to be an array of records alone. */
  push(chunk: Buffer): boolean {
    return this.take(chunk, false);
  }

  /** Ends the input; false when it did not hold a whole array of records alone. */
  end(): boolean {
    if (this.carry && !this.take(Buffer.alloc(0), true)) return false;
    return this.encoder.closed;
  }

  /** Whether the bytes pushed end after a record and its comma: the next record starts where they end. */
  endsBeforeRecord(): boolean {
    const carry = this.carry;
    if (!this.opened || this.encoder.closed || !carry || carry[0] !== COMMA) return false;
    return skipBlanks(carry, 1) === carry.length;
  }

  private take(chunk: Buffer, final: boolean): boolean {
    const carry = this.carry;
    const bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
    const base = carry ? this.carryAt : this.pushed;
    this.pushed += chunk.length;
    this.carry = undefined;
    let i = 0;
    if (!this.opened) {
      // A byte order mark and blanks may come before the `[`, cut by the chunks' ends.
      if (bytes.length < 3 && !final) return this.keep(bytes, base, 0);
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
      i = skipBlanks(bytes, i);
      if (i === bytes.length) return !final && this.keep(bytes, base, 0);
      if (bytes[i] !== OPEN_BRACKET) return false;
      this.opened = true;
      i++;
    }
    const encoder = this.encoder;
    if (encoder.closed) return skipBlanks(bytes, i) === bytes.length;
    const stop = encoder.encode(bytes, i, bytes.length, final);
    if (encoder.runStart >= 0) this.runs.push(base + encoder.runStart, base + encoder.runEnd);
    if (encoder.closed) return skipBlanks(bytes, stop) === bytes.length;
    return stop === bytes.length || this.keep(bytes, base, stop);
  }

  private keep(bytes: Buffer, base: number, from: number): true {
    // A copy: the rest of the chunk need not stay alive with it.
    this.carry = Buffer.from(bytes.subarray(from));
    this.carryAt = base + from;
    return true;
  }
}

function skipBlanks(bytes: Buffer, from: number): number {
  let i = from;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  return i;
}
