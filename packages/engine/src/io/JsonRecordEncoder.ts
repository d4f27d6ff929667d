import { DataFileError } from './DataFileError.js';
import { jsonToValue, type DictionaryColumn } from './jsonRecordValues.js';
import { JsonValueTable, NOT_STORED, VALUE_HASH_PRIME, VALUE_HASH_SEED } from './JsonValueTable.js';

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
/** Entries a field's table holds before it may be dropped as holding mostly distinct values. */
const DISTINCT_FIELD_MIN = 1 << 16;
/** What a read answers when the bytes end before the record does. */
const CUT = -1;

/** A column the encoder fills: a dictionary, rows by index, and nulls for the rows before its key first appeared. */
export interface JsonColumn extends DictionaryColumn {
  pushNulls(count: number): void;
}

/**
 * Encodes the records of a JSON array, fed as pieces of its bytes, straight
 * into dictionary columns, one per key in first-seen order, with the values
 * `JSON.parse` and `jsonToValue` give: each value's bytes are hashed as they
 * are scanned and looked up in its field's table, so only a value the field
 * has not seen yet is decoded (by `JSON.parse`, which also judges it, or by a
 * shortcut for plain integers and plain strings). The structure around the
 * values (braces, keys, colons, commas, the array's end) is checked here. A
 * key given twice in a record keeps its last value and a missing key is null,
 * as with `JSON.parse`.
 */
export class JsonRecordEncoder {
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
  private readonly state: EncoderState;

  constructor(scriptPath: string, newColumn: (name: string) => JsonColumn) {
    this.state = {
      encoder: this,
      scriptPath,
      newColumn,
      fieldOf: new Map(),
      tables: [],
      row: [],
      placeKeys: [],
      placeFields: [],
      keyEnd: 0,
      final: false,
      afterRecord: false,
    };
  }

  /**
   * Encodes the records in `bytes[start, end)`, the array's bytes after its
   * `[` (records, commas, blanks, then `]`); the offset where it stopped: at
   * the first record the piece cuts (the next piece must start there), after
   * the `]`, or `end`. In the `final` piece a cut record is a fault.
   */
  encode(bytes: Buffer, start: number, end: number, final: boolean): number {
    this.state.final = final;
    this.runStart = -1;
    this.runEnd = -1;
    return encodeRecords(this.state, bytes, start, end);
  }
}

/** What encoding one file's records keeps from piece to piece. */
interface EncoderState {
  readonly encoder: JsonRecordEncoder;
  readonly scriptPath: string;
  readonly newColumn: (name: string) => JsonColumn;
  readonly fieldOf: Map<string, number>;
  /**
   * Per field, its values' bytes and their dictionary indexes; none for a
   * field whose values are mostly distinct (an id), where a table would find
   * nothing and only grow.
   */
  readonly tables: (JsonValueTable | undefined)[];
  /** The record being read: a dictionary index per field (-1: null). */
  readonly row: number[];
  /** Records mostly repeat their keys in order: the key bytes last seen at each place, and their field. */
  readonly placeKeys: Uint8Array[];
  readonly placeFields: number[];
  /** Where the key read last ends (set by `keyAt`). */
  keyEnd: number;
  /** Whether the bytes end the file (a record they cut is a fault, not a carry). */
  final: boolean;
  /** Whether a record was the last thing read (a comma or the `]` comes next). */
  afterRecord: boolean;
}

// The scanning is done by functions of the state rather than by methods, so
// that the optimized code does not hang on one encoder object.

function encodeRecords(state: EncoderState, bytes: Buffer, start: number, end: number): number {
  const encoder = state.encoder;
  const { row, tables } = state;
  const columns = encoder.columns;
  let i = start;
  for (;;) {
    i = skipBlanks(bytes, i, end);
    if (i >= end) return i;
    // Where the next piece starts when this one cuts the record: at its comma, so none is read twice.
    const resume = i;
    const byte = bytes[i];
    if (state.afterRecord) {
      if (byte === CLOSE_BRACKET) {
        encoder.closed = true;
        return i + 1;
      }
      if (byte !== COMMA) fail(state, bytes, i, end);
      i = skipBlanks(bytes, i + 1, end);
      if (i >= end) {
        if (state.final) fail(state, bytes, i, end);
        return resume;
      }
      if (bytes[i] !== OPEN_BRACE) fail(state, bytes, i, end);
    } else if (byte === CLOSE_BRACKET && encoder.rows === 0) {
      // An empty array.
      encoder.closed = true;
      return i + 1;
    } else if (byte !== OPEN_BRACE) fail(state, bytes, i, end);
    const recordStart = i;
    for (let f = 0; f < row.length; f++) row[f] = -1;
    const after = readRecord(state, tables, bytes, i + 1, end);
    if (after === CUT) {
      if (state.final) fail(state, bytes, end, end);
      return resume;
    }
    for (let f = 0; f < row.length; f++) columns[f].pushIndex(row[f]);
    encoder.rows++;
    if (encoder.runStart < 0) encoder.runStart = recordStart;
    encoder.runEnd = after;
    state.afterRecord = true;
    i = after;
  }
}

/** Reads the record whose `{` precedes `from` into the state's row; the offset after its `}`, or CUT. */
function readRecord(
  state: EncoderState,
  tables: (JsonValueTable | undefined)[],
  bytes: Buffer,
  from: number,
  end: number,
): number {
  const row = state.row;
  let i = skipBlanks(bytes, from, end);
  if (i >= end) return CUT;
  if (bytes[i] === CLOSE_BRACE) return i + 1;
  for (let place = 0; ; place++) {
    if (bytes[i] !== QUOTE) fail(state, bytes, i, end);
    const field = keyAt(state, bytes, i, end, place);
    if (field === CUT) return CUT;
    i = skipBlanks(bytes, state.keyEnd, end);
    if (i >= end) return CUT;
    if (bytes[i] !== COLON) fail(state, bytes, i, end);
    i = skipBlanks(bytes, i + 1, end);
    if (i >= end) return CUT;
    const start = i;
    let hash = VALUE_HASH_SEED;
    const first = bytes[i];
    if (first === QUOTE) {
      // A string, hashed as it is scanned (an escaped byte too, so an escaped quote is no end).
      hash = Math.imul(hash ^ QUOTE, VALUE_HASH_PRIME);
      for (i++; i < end; i++) {
        const byte = bytes[i];
        hash = Math.imul(hash ^ byte, VALUE_HASH_PRIME);
        if (byte === QUOTE) break;
        if (byte === BACKSLASH && ++i < end) hash = Math.imul(hash ^ bytes[i], VALUE_HASH_PRIME);
      }
      if (i >= end) return CUT;
      i++;
    } else if (first === OPEN_BRACE || first === OPEN_BRACKET) {
      i = nestedEnd(bytes, i, end);
      if (i > end) return CUT;
      for (let k = start; k < i; k++) hash = Math.imul(hash ^ bytes[k], VALUE_HASH_PRIME);
    } else {
      // A number, true, false or null runs to the next delimiter; anything else in it fails to parse.
      for (; i < end; i++) {
        const byte = bytes[i];
        if (byte === COMMA || byte === CLOSE_BRACE || byte <= SPACE || byte === CLOSE_BRACKET)
          break;
        hash = Math.imul(hash ^ byte, VALUE_HASH_PRIME);
      }
      // The piece may cut the number: read it from the next piece on.
      if (i >= end) return CUT;
    }
    const table = tables[field];
    if (table === undefined) row[field] = distinctValue(state, field, bytes, start, i);
    else {
      const known = table.find(bytes, start, i, hash);
      row[field] = known !== NOT_STORED ? known : firstSeen(state, field, bytes, start, i, hash);
    }
    i = skipBlanks(bytes, i, end);
    if (i >= end) return CUT;
    if (bytes[i] === CLOSE_BRACE) return i + 1;
    if (bytes[i] !== COMMA) fail(state, bytes, i, end);
    i = skipBlanks(bytes, i + 1, end);
    if (i >= end) return CUT;
  }
}

/** The field of the key (a JSON string) opening at `start`, the `place`th of its record, or CUT; sets `keyEnd`. */
function keyAt(
  state: EncoderState,
  bytes: Buffer,
  start: number,
  end: number,
  place: number,
): number {
  const known = state.placeKeys[place];
  if (known !== undefined && start + known.length <= end) {
    let k = 0;
    while (k < known.length && known[k] === bytes[start + k]) k++;
    // Equal bytes from the opening quote on: the key closes where the known one does.
    if (k === known.length) {
      state.keyEnd = start + known.length;
      return state.placeFields[place];
    }
  }
  const keyEnd = stringEnd(bytes, start, end);
  if (keyEnd > end) return CUT;
  const name = parse(state, bytes, start, keyEnd) as string;
  const field = state.fieldOf.get(name) ?? addField(state, name);
  state.placeKeys[place] = Uint8Array.prototype.slice.call(bytes, start, keyEnd);
  state.placeFields[place] = field;
  state.keyEnd = keyEnd;
  return field;
}

/** A key first seen: a new column, null in the records before. */
function addField(state: EncoderState, name: string): number {
  const encoder = state.encoder;
  const field = encoder.fieldNames.length;
  const column = state.newColumn(name);
  column.pushNulls(encoder.rows);
  encoder.fieldNames.push(name);
  encoder.columns.push(column);
  state.fieldOf.set(name, field);
  state.tables.push(new JsonValueTable());
  state.row.push(-1);
  return field;
}

/** The dictionary index of a value its field's table does not know (-1: null), stored for the next time. */
function firstSeen(
  state: EncoderState,
  field: number,
  bytes: Buffer,
  start: number,
  end: number,
  hash: number,
): number {
  const index = distinctValue(state, field, bytes, start, end);
  const table = state.tables[field]!;
  table.add(bytes, start, end, hash, index);
  // Mostly new values: the dictionary alone finds the repeated ones from here on.
  if (table.size > DISTINCT_FIELD_MIN && table.size * 2 > state.encoder.rows)
    state.tables[field] = undefined;
  return index;
}

/** The dictionary index of a value (-1: null), decoded from its bytes. */
function distinctValue(
  state: EncoderState,
  field: number,
  bytes: Buffer,
  start: number,
  end: number,
): number {
  const value = jsonToValue(decode(bytes, start, end) ?? parse(state, bytes, start, end));
  return state.encoder.columns[field].indexOf(value);
}

function parse(state: EncoderState, bytes: Buffer, start: number, end: number): unknown {
  try {
    return JSON.parse(bytes.toString('utf8', start, end));
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new DataFileError(
      'SCRIPT_FILE_FORMAT',
      `File '${state.scriptPath}' is not valid JSON: ${message}`,
      state.scriptPath,
      { cause },
    );
  }
}

function fail(state: EncoderState, bytes: Buffer, at: number, end: number): never {
  const what =
    at < end ? `has '${String.fromCharCode(bytes[at])}' out of place` : 'ends inside the array';
  throw new DataFileError(
    'SCRIPT_FILE_FORMAT',
    `File '${state.scriptPath}' is not valid JSON: it ${what}`,
    state.scriptPath,
  );
}

/**
 * The value of the commonest JSON values without JSON.parse: an integer of at
 * most 15 digits (exact in a double), and a string with no escape and no
 * control character. Undefined for anything else, which JSON.parse then reads
 * (and judges).
 */
function decode(bytes: Buffer, start: number, end: number): number | string | undefined {
  const first = bytes[start];
  if (first === QUOTE) {
    for (let k = start + 1; k < end - 1; k++)
      if (bytes[k] < SPACE || bytes[k] === BACKSLASH) return undefined;
    return bytes.toString('utf8', start + 1, end - 1);
  }
  const negative = first === MINUS;
  const digits = negative ? start + 1 : start;
  const length = end - digits;
  // JSON allows no leading zero: "0" alone, or a number that does not start with 0.
  if (length < 1 || length > 15 || (bytes[digits] === DIGIT_0 && length > 1)) return undefined;
  let n = 0;
  for (let k = digits; k < end; k++) {
    const byte = bytes[k];
    if (byte < DIGIT_0 || byte > DIGIT_9) return undefined;
    n = n * 10 + (byte - DIGIT_0);
  }
  // -0 stays -0, as JSON.parse gives it.
  return negative ? -n : n;
}

function skipBlanks(bytes: Buffer, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const byte = bytes[i];
    if (byte !== SPACE && byte !== LF && byte !== CR && byte !== TAB) break;
    i++;
  }
  return i;
}

/** The offset after the string opening at `start`; past `end` when it does not close. */
function stringEnd(bytes: Buffer, start: number, end: number): number {
  let i = start + 1;
  while (i < end) {
    const byte = bytes[i];
    if (byte === QUOTE) return i + 1;
    i += byte === BACKSLASH ? 2 : 1;
  }
  return end + 1;
}

/** The offset after the object or array opening at `start`; past `end` when it does not close. */
function nestedEnd(bytes: Buffer, start: number, end: number): number {
  let depth = 0;
  let i = start;
  while (i < end) {
    const byte = bytes[i];
    if (byte === QUOTE) {
      i = stringEnd(bytes, i, end);
      continue;
    }
    if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
    else if ((byte === CLOSE_BRACE || byte === CLOSE_BRACKET) && --depth === 0) return i + 1;
    i++;
  }
  return end + 1;
}
