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

/**
 * Reads a JSON file holding an array of records in one streamed pass straight
 * into dictionary columns (`newColumn` makes one per key, in first-seen
 * order), holding a read chunk and the record it cuts, whatever the file's
 * size. Undefined when the file is not an array, or when anything follows it:
 * the two-pass reader (`readJsonFile`) takes such a file and says what is wrong.
 * A record that is not valid JSON throws SCRIPT_FILE_FORMAT.
 */
export async function readJsonColumns<C extends JsonColumn>(
  absolutePath: string,
  scriptPath: string,
  newColumn: (name: string) => C,
): Promise<JsonColumns<C> | undefined> {
  const { stream } = await openDataFile(absolutePath, scriptPath);
  const reader = new JsonArrayColumns(scriptPath, newColumn);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>)
      if (!reader.push(chunk)) return undefined;
  } finally {
    stream.destroy();
  }
  if (!reader.end()) return undefined;
  const { fieldNames, rows, columns } = reader.encoder;
  return {
    outline: { path: absolutePath, scriptPath, fieldNames, rowCount: rows, runs: reader.runs },
    columns: columns as C[],
  };
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

  constructor(scriptPath: string, newColumn: (name: string) => JsonColumn) {
    this.encoder = new JsonRecordEncoder(scriptPath, newColumn);
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
