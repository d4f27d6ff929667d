/** Why the splitter refused the bytes: not JSON, or JSON that holds no records. */
export type JsonSplitFault = 'invalid' | 'not-records';

/** A fault the splitter found in the structure around the records. */
export class JsonSplitError extends Error {
  constructor(
    readonly fault: JsonSplitFault,
    message: string,
  ) {
    super(message);
  }
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Told of each record's keys as the splitter passes them, without parsing the records. */
export interface JsonKeySink {
  /** A record starts. */
  record(): void;
  /** A key of the record: `buf[start, end)` is its JSON string, quotes included. */
  key(buf: Buffer, start: number, end: number): void;
  /**
   * The offset after the key whose string opens at `start` when the sink
   * knows it already (then it is taken as the record's next key, and `key`
   * is not called for it); -1 otherwise. Spares scanning a repeated key twice.
   */
  knownKeyEnd?(buf: Buffer, start: number): number;
}

type Phase = 'start' | 'array' | 'record' | 'done';
/** What may come next between the array's elements. */
type Expect = 'first' | 'comma' | 'element';

/**
 * Cuts a JSON text, fed chunk by chunk, into runs of whole records so each run
 * can go to the native `JSON.parse` (far faster than a tokenizer written in
 * JavaScript). Only the top-level array's structure is checked here: brackets
 * and strings are tracked to find where each record ends, and every run is
 * parsed, so anything malformed inside a record still fails there. Memory holds
 * one chunk and the record that straddles it, whatever the file's size; a file
 * that is one record (not an array) is held whole, as it has to be.
 */
export class JsonRecordSplitter {
  private phase: Phase = 'start';
  private expect: Expect = 'first';
  private depth = 0;
  private inString = false;
  /** Bytes of the record cut by the previous chunk's end, from its first byte. */
  private carry: Buffer = Buffer.alloc(0);
  /** The whole text, when the file is one record. */
  private single: Buffer[] = [];
  /** The file's first bytes while they may still be a cut byte order mark; undefined once told. */
  private head: Buffer | undefined = Buffer.alloc(0);
  /** Whether the next string directly in a record is a key; where the key being read opens. */
  private keyNext = false;
  private keyStart = -1;
  /** Records the array held so far (whole ones). */
  records = 0;
  /**
   * Where each run of whole records lies in the input, as [start, end) byte
   * offsets in pairs: a second reader of the same file cuts it there without
   * scanning it again.
   */
  readonly runs: number[] = [];
  /** Bytes pushed so far (the input's offset of the next chunk). */
  private pushed = 0;

  /**
   * `keys`, when given, is told each record's keys (to learn the field names
   * without parsing); with `texts` false, `push` only records the runs.
   */
  constructor(
    private readonly keys?: JsonKeySink,
    private readonly texts = true,
  ) {}

  /** Takes the next chunk; the text of the whole records it completes ("{...},{...}"), or undefined. */
  push(chunk: Buffer): string | undefined {
    let start = 0;
    let base = this.pushed;
    this.pushed += chunk.length;
    if (this.phase === 'start') {
      // A byte order mark may be cut by the first chunks' ends: hold them until it can be told.
      if (this.head !== undefined) {
        base -= this.head.length;
        chunk = Buffer.concat([this.head, chunk]);
        if (chunk.length < 3 && BOM.subarray(0, chunk.length).equals(chunk)) {
          this.head = chunk;
          return undefined;
        }
        start = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
        this.head = undefined;
      }
      const at = firstSignificantByte(chunk.subarray(start));
      if (at < 0) return undefined;
      start += at;
      const first = chunk[start];
      if (first === OPEN_BRACE) this.phase = 'record';
      else if (first === OPEN_BRACKET) {
        this.phase = 'array';
        this.depth = 1;
        start++;
      } else throw new JsonSplitError('not-records', 'is not an array of records');
    }
    if (this.phase === 'record') {
      this.single.push(start > 0 ? chunk.subarray(start) : chunk);
      return undefined;
    }
    if (this.phase === 'done') {
      if (firstSignificantByte(chunk) >= 0)
        throw new JsonSplitError('invalid', 'has text after the array');
      return undefined;
    }
    return this.scan(chunk, start, base);
  }

  /** Ends the input; the single record's text when the file is one record. */
  end(): string | undefined {
    if (this.phase === 'start') throw new JsonSplitError('invalid', 'is empty');
    if (this.phase === 'array') throw new JsonSplitError('invalid', 'ends inside the array');
    if (this.phase === 'record') return Buffer.concat(this.single).toString('utf8');
    return undefined;
  }

  /** `base`: the input's offset of `chunk[0]`. */
  private scan(chunk: Buffer, from: number, base: number): string | undefined {
    const carried = this.carry.length;
    const buf = carried > 0 ? Buffer.concat([this.carry, chunk.subarray(from)]) : chunk;
    let i = carried > 0 ? carried : from;
    // Where the run of whole records starts and ends, and where the current record began.
    let runStart = carried > 0 ? 0 : -1;
    let runEnd = -1;
    let recordStart = carried > 0 ? 0 : -1;
    let depth = this.depth;
    let inString = this.inString;
    let keyNext = this.keyNext;
    let keyStart = this.keyStart;
    const keys = this.keys;
    const length = buf.length;
    while (i < length) {
      if (inString) {
        const quote = buf.indexOf(QUOTE, i);
        if (quote < 0) {
          i = length;
          break;
        }
        let slashes = 0;
        while (buf[quote - 1 - slashes] === BACKSLASH) slashes++;
        i = quote + 1;
        if (slashes % 2 === 0) {
          inString = false;
          if (keyStart >= 0) {
            keys?.key(buf, keyStart, i);
            keyStart = -1;
          }
        }
        continue;
      }
      const byte = buf[i];
      if (depth > 1) {
        if (byte === QUOTE) {
          if (keyNext && depth === 2) {
            keyNext = false;
            const end = keys?.knownKeyEnd?.(buf, i) ?? -1;
            if (end > 0) {
              i = end;
              continue;
            }
            if (keys) keyStart = i;
          }
          inString = true;
        } else if (byte === COMMA) keyNext = depth === 2;
        else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
        else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
          if (--depth === 1) {
            this.records++;
            runEnd = i + 1;
            recordStart = -1;
            this.expect = 'comma';
          }
        }
        i++;
        continue;
      }
      // Between the array's elements.
      i++;
      if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
      if (byte === COMMA && this.expect === 'comma') this.expect = 'element';
      else if (byte === CLOSE_BRACKET && this.expect !== 'element') {
        depth = 0;
        this.phase = 'done';
        if (firstSignificantByte(buf.subarray(i)) >= 0)
          throw new JsonSplitError('invalid', 'has text after the array');
        break;
      } else if (byte === OPEN_BRACE && this.expect !== 'comma') {
        depth = 2;
        keyNext = true;
        keys?.record();
        recordStart = i - 1;
        if (runStart < 0) runStart = recordStart;
      } else if (this.expect !== 'comma' && byte !== CLOSE_BRACKET && byte !== COMMA)
        throw new JsonSplitError('not-records', 'is not an array of records');
      else throw new JsonSplitError('invalid', `has '${String.fromCharCode(byte)}' out of place`);
    }
    this.depth = depth;
    this.inString = inString;
    this.keyNext = keyNext;
    // The carry starts at the record's first byte, so an open key moves with it.
    this.keyStart = keyStart >= 0 ? keyStart - recordStart : -1;
    this.carry = recordStart >= 0 ? Buffer.from(buf.subarray(recordStart)) : Buffer.alloc(0);
    if (!(runEnd > runStart && runStart >= 0)) return undefined;
    // buf is the carry (which ends where the chunk starts) and the chunk from `from`.
    const bufBase = carried > 0 ? base + from - carried : base;
    this.runs.push(bufBase + runStart, bufBase + runEnd);
    return this.texts ? buf.toString('utf8', runStart, runEnd) : undefined;
  }
}

/** The first byte past blanks; -1 when there is none. */
function firstSignificantByte(bytes: Uint8Array): number {
  let at = 0;
  while (
    at < bytes.length &&
    (bytes[at] === 0x20 || bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x09)
  )
    at++;
  return at < bytes.length ? at : -1;
}
