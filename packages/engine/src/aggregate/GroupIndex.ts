import { numberGroupsOnThreads, parentsOnThreads } from '../parallel/numberGroups.js';
import { rowArray } from '../parallel/sharedArrays.js';
import { withCodeTable } from './codeTable.js';
import { scratchInts } from './scratchInts.js';
import { SEEN_BITS_MIN_SPACE, numberTwoColumnsBySeenBits } from './seenBitsNumbering.js';

/** One grouping column over the rows of a frame. */
export interface GroupColumn {
  /** Symbol index per table row, 0..cardinality; the code `cardinality` is null. */
  readonly symbols: ArrayLike<number>;
  /** Table row of each frame row. */
  readonly rows: Int32Array;
  /** Number of symbols of the field. */
  readonly cardinality: number;
}

/**
 * The groups that a set of columns forms over the rows of a frame: a group id
 * per row, and per group its symbol in every column (-1 for null).
 */
export class GroupIndex {
  private lookup: Map<number, number> | Int32Array | null = null;
  private keyColumns: readonly Int32Array[] | (() => readonly Int32Array[]);
  private rowIds: Int32Array | (() => Int32Array);

  /** Use `GroupIndex.build`; the constructor takes already numbered groups. */
  constructor(
    /** Number of groups. */
    readonly count: number,
    /** Group id of each frame row, or how to work them out when first read. */
    ofRow: Int32Array | (() => Int32Array),
    /** Per column, the symbol of each group (-1 for null), or how to work them out when first read. */
    keys: readonly Int32Array[] | (() => readonly Int32Array[]),
    private readonly strides: readonly number[],
    /** The first frame row of each group, when known. */
    private readonly firstRow?: ArrayLike<number>,
  ) {
    this.keyColumns = keys;
    this.rowIds = ofRow;
  }

  /** Group id of each frame row. */
  get ofRow(): Int32Array {
    if (typeof this.rowIds === 'function') this.rowIds = this.rowIds();
    return this.rowIds;
  }

  /** Per column, the symbol of each group (-1 for null). */
  get keys(): readonly Int32Array[] {
    if (typeof this.keyColumns === 'function') this.keyColumns = this.keyColumns();
    return this.keyColumns;
  }

  /** Groups `length` frame rows by the symbols in `columns`. */
  static build(columns: readonly GroupColumn[], length: number): GroupIndex {
    const strides = keyStrides(columns);
    if (columns.length === 0) return singleGroup(length, strides);
    const space = strides[columns.length]!;
    const {
      count,
      ofRow,
      firstRow,
      keys: numberedKeys,
      codes,
    } = space <= DENSE_LIMIT
      ? numberDense(columns, length, strides)
      : numberSparse(keyCodes(columns, length, strides));
    if (numberedKeys) return new GroupIndex(count, ofRow, [numberedKeys], strides, firstRow);
    // An inner grouping (Aggr's) may never read its keys: they are worked out when asked for,
    // from each group's key code when the numbering kept them, else read from the rows.
    if (codes) return new GroupIndex(count, ofRow, () => keysOfCodes(codes, strides), strides);
    const keys = () => {
      // First rows worked out here are read for the keys only: a reused array (scratchInts.ts).
      const first = firstRow ?? firstRowsOf(ofRow, count);
      return columns.map((column) => keysOfGroups(column, first, count));
    };
    return new GroupIndex(count, ofRow, keys, strides, firstRow);
  }

  /**
   * Per group, the group of `outer` that its rows belong to, where `outer`
   * groups the same frame rows by a subset of these columns.
   */
  parentsIn(outer: GroupIndex): Int32Array {
    // Shared when the threads may read it (Aggr's outer sums over these groups), so it is not copied for them.
    const parents = rowArray(Int32Array, this.count, this.ofRow.length);
    const outerOfRow = outer.ofRow;
    // One outer group (a grand total's): every parent is 0, as the array starts.
    if (outer.count <= 1) return parents;
    if (this.firstRow) {
      const firstRow = this.firstRow;
      for (let g = 0; g < parents.length; g++) parents[g] = outerOfRow[firstRow[g]!]!;
    } else if (!parentsOnThreads(this.ofRow, outerOfRow, parents)) {
      for (let i = 0; i < this.ofRow.length; i++) parents[this.ofRow[i]!] = outerOfRow[i]!;
    }
    return parents;
  }

  /**
   * These groups plus one per entry of `extraKeys` (per column, the symbols
   * of the new groups), which no frame row belongs to.
   */
  withGroups(extraKeys: readonly Int32Array[]): GroupIndex {
    const added = extraKeys[0]?.length ?? 0;
    if (added === 0) return this;
    const keys = this.keys.map((column, c) => {
      const joined = new Int32Array(this.count + added);
      joined.set(column);
      joined.set(extraKeys[c]!, this.count);
      return joined;
    });
    return new GroupIndex(this.count + added, () => this.ofRow, keys, this.strides);
  }

  /** The id of the group with these symbols (one per column, -1 for null), or -1 if absent. */
  find(symbols: ArrayLike<number>): number {
    let code = 0;
    for (let c = 0; c < symbols.length; c++) code += this.digit(c, symbols[c]!) * this.strides[c]!;
    const lookup = this.ensureLookup();
    if (lookup instanceof Map) return lookup.get(code) ?? -1;
    return code < lookup.length ? lookup[code]! : -1;
  }

  // A key's digit in column c: the symbol, or the cardinality for null (-1).
  private digit(c: number, symbol: number): number {
    return symbol < 0 ? this.strides[c + 1]! / this.strides[c]! - 1 : symbol;
  }

  private ensureLookup(): Map<number, number> | Int32Array {
    if (this.lookup) return this.lookup;
    const space = this.strides[this.keys.length]!;
    const codes = new Float64Array(this.count);
    this.keys.forEach((keys, c) => {
      const stride = this.strides[c]!;
      for (let g = 0; g < this.count; g++) codes[g]! += this.digit(c, keys[g]!) * stride;
    });
    if (space <= DENSE_LIMIT) {
      const dense = new Int32Array(space).fill(-1);
      for (let g = 0; g < this.count; g++) dense[codes[g]!] = g;
      this.lookup = dense;
    } else {
      const map = new Map<number, number>();
      for (let g = 0; g < this.count; g++) map.set(codes[g]!, g);
      this.lookup = map;
    }
    return this.lookup;
  }
}

/** Frame rows numbered into groups; a one-column numbering also gives each group's symbol. */
interface Numbered {
  readonly count: number;
  readonly ofRow: Int32Array;
  readonly firstRow?: Int32Array;
  readonly keys?: Int32Array;
  /** Per group, its key code (see keyCodes). */
  readonly codes?: Int32Array;
}

// Dense numbering uses an Int32Array as big as the key space: 16 MB at most.
const DENSE_LIMIT = 1 << 22;

function keyStrides(columns: readonly GroupColumn[]): number[] {
  const strides = [1];
  for (const column of columns) {
    const next = strides[strides.length - 1]! * (column.cardinality + 1);
    if (!Number.isSafeInteger(next))
      throw new RangeError('too many dimension combinations to group');
    strides.push(next);
  }
  return strides;
}

function singleGroup(length: number, strides: number[]): GroupIndex {
  return new GroupIndex(length > 0 ? 1 : 0, rowArray(Int32Array, length), [], strides);
}

// A key code is a mixed-radix number whose digits are the symbols, the null
// code (= cardinality) included, so no branch is needed per row.
function keyCodes(columns: readonly GroupColumn[], length: number, strides: readonly number[]) {
  const codes = new Float64Array(length);
  columns.forEach((column, c) => addColumnCode(codes, column, strides[c]!));
  return codes;
}

function addColumnCode(codes: Float64Array, column: GroupColumn, stride: number): void {
  const { symbols, rows } = column;
  for (let i = 0; i < codes.length; i++) codes[i]! += symbols[rows[i]!]! * stride;
}

// Small key spaces: integer codes numbered through a dense table (lent, see
// codeTable.ts); one or two columns over the same rows (the common chart
// shapes) in a single fused pass. The one-thread passes keep no first rows:
// an array of them, as long as the frame for Aggr's inner groups, cost about
// as much as the pass itself to allocate and fill, and is read only for keys,
// which are then worked out from the ids (see firstRowsOf).
function numberDense(
  columns: readonly GroupColumn[],
  length: number,
  strides: readonly number[],
): Numbered {
  const threaded = numberGroupsOnThreads(columns, length, strides);
  if (threaded) return threaded;
  const space = strides[columns.length]!;
  const ofRow = rowArray(Int32Array, length);
  const [first, second] = columns;
  if (columns.length === 2 && first!.rows === second!.rows && space >= SEEN_BITS_MIN_SPACE) {
    const count = numberTwoColumnsBySeenBits(first!, second!, strides[1]!, space, ofRow);
    if (count !== undefined) return { count, ofRow };
  }
  if (columns.length === 1) {
    // The symbol of each group as it is numbered: no pass over the rows for the keys afterwards.
    const keys = new Int32Array(Math.min(space, length));
    const { symbols, rows, cardinality } = first!;
    const count = withCodeTable(space, length, (idOfCode, base) =>
      numberOneColumn(symbols, rows, cardinality, idOfCode, base, ofRow, keys),
    );
    return { count, ofRow, keys: keys.subarray(0, count) };
  }
  if (columns.length === 2 && first!.rows === second!.rows) {
    const [a, b, rows] = [first!.symbols, second!.symbols, first!.rows];
    const count = withCodeTable(space, length, (idOfCode, base) =>
      numberTwoColumns(a, b, rows, strides[1]!, idOfCode, base, ofRow),
    );
    return { count, ofRow };
  }
  // Each group's key code as it is numbered (one write per group), copied out at the
  // group count: its keys are its code's digits, with no pass over the rows for them.
  const groupCodes = scratchInts('groupCodes', Math.min(space, length), false);
  const count = withCodeTable(space, length, (idOfCode, base) =>
    numberColumns(columns, strides, idOfCode, base, ofRow, groupCodes),
  );
  return { count, ofRow, codes: groupCodes.slice(0, count) };
}

// Per column, each group's symbol (-1 for null): the column's digit of the group's key code,
// all columns' digits peeled off each code in one pass (codes stay below 2^31 here).
function keysOfCodes(codes: Int32Array, strides: readonly number[]): Int32Array[] {
  const width = strides.length - 1;
  const radixes = Int32Array.from({ length: width }, (_, c) => strides[c + 1]! / strides[c]!);
  const keys = Array.from({ length: width }, () => new Int32Array(codes.length));
  for (let g = 0; g < codes.length; g++) {
    let rest = codes[g]!;
    for (let c = 0; c < width; c++) {
      const radix = radixes[c]!;
      const next = (rest / radix) | 0;
      const digit = rest - next * radix;
      // The last digit is the null code.
      keys[c]![g] = digit === radix - 1 ? -1 : digit;
      rest = next;
    }
  }
  return keys;
}

// The first row of each group, for ids given in the order of their groups'
// first rows (as every numbering here gives them): a row whose id is the next
// one unseen is its group's first. Stops at the last group's first row.
function firstRowsOf(ofRow: Int32Array, count: number): Int32Array {
  const firstRow = scratchInts('firstRows', count, false);
  for (let i = 0, next = 0; next < count; i++) if (ofRow[i] === next) firstRow[next++] = i;
  return firstRow;
}

// In each numbering loop an entry of idOfCode holds base + id + 1 (at or below base: no group yet).

// The numbering loops take typed arrays and numbers only: a loop that read a
// short-lived object (a GroupColumn) lost its machine code at every full
// collection, whose objects' shapes die with them, and ran interpreted until V8
// compiled it again (bench/engine/HISTORY.md, "Machine code lost to full collections").

// Also writes each group's symbol (-1 for the null code) into `keys`.
function numberOneColumn(
  symbols: ArrayLike<number>,
  rows: Int32Array,
  cardinality: number,
  idOfCode: Int32Array,
  base: number,
  ofRow: Int32Array,
  keys: Int32Array,
): number {
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    const code = symbols[rows[i]!]!;
    let id = idOfCode[code]! - base - 1;
    if (id < 0) {
      id = count++;
      idOfCode[code] = base + count;
      keys[id] = code < cardinality ? code : -1;
    }
    ofRow[i] = id;
  }
  return count;
}

function numberTwoColumns(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  rows: Int32Array,
  stride: number,
  idOfCode: Int32Array,
  base: number,
  ofRow: Int32Array,
): number {
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const code = a[r]! + b[r]! * stride;
    let id = idOfCode[code]! - base - 1;
    if (id < 0) {
      id = count++;
      idOfCode[code] = base + count;
    }
    ofRow[i] = id;
  }
  return count;
}

type NumberLoop = (
  idOfCode: Int32Array,
  base: number,
  ofRow: Int32Array,
  length: number,
  groupCodes: Int32Array,
  ...columns: unknown[]
) => number;

const numberLoops = new Map<string, NumberLoop>();

// Three or more columns (or two over different rows): one pass, generated once
// per column count, computes each row's key code from every column, numbers it
// and keeps each new group's code (no array of codes filled in a pass per
// column). Columns over the same rows (one table's) read each row once.
function numberColumns(
  columns: readonly GroupColumn[],
  strides: readonly number[],
  idOfCode: Int32Array,
  base: number,
  ofRow: Int32Array,
  groupCodes: Int32Array,
): number {
  const sameRows = columns.every((column) => column.rows === columns[0]!.rows);
  const loopKey = `${columns.length}${sameRows ? '=' : ''}`;
  let loop = numberLoops.get(loopKey);
  if (!loop) {
    const params = columns.flatMap((_, c) => [`s${c}`, `r${c}`, `k${c}`]);
    const row = (c: number) => (sameRows ? 'r' : `r${c}[i]`);
    const code = columns.map((_, c) => `s${c}[${row(c)}] * k${c}`).join(' + ');
    const body = `let count = 0;
      for (let i = 0; i < length; i++) {
        ${sameRows ? 'const r = r0[i];' : ''}
        const code = ${code};
        let id = idOfCode[code] - base - 1;
        if (id < 0) {
          id = count++;
          idOfCode[code] = base + count;
          groupCodes[id] = code;
        }
        ofRow[i] = id;
      }
      return count;`;
    const params0 = ['idOfCode', 'base', 'ofRow', 'length', 'groupCodes'];
    loop = new Function(...params0, ...params, body) as NumberLoop;
    numberLoops.set(loopKey, loop);
  }
  const args = columns.flatMap((column, c) => [column.symbols, column.rows, strides[c]]);
  return loop(idOfCode, base, ofRow, ofRow.length, groupCodes, ...args);
}

function numberSparse(codes: Float64Array): Numbered {
  const idOfCode = new Map<number, number>();
  const ofRow = rowArray(Int32Array, codes.length);
  const firstRow = new Int32Array(codes.length);
  let count = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    let id = idOfCode.get(code);
    if (id === undefined) {
      id = count++;
      idOfCode.set(code, id);
      firstRow[id] = i;
    }
    ofRow[i] = id;
  }
  return { count, ofRow, firstRow: firstRow.subarray(0, count) };
}

function keysOfGroups(column: GroupColumn, firstRow: ArrayLike<number>, count: number): Int32Array {
  const keys = new Int32Array(count);
  for (let g = 0; g < count; g++) {
    const s = column.symbols[column.rows[firstRow[g]!]!]!;
    keys[g] = s < column.cardinality ? s : -1;
  }
  return keys;
}
