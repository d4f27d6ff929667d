import type { LoadedColumn } from '../model/LoadedTable.js';
import { Dual, type Value } from '../value/Value.js';
import { ValuePositions } from './ValuePositions.js';

/** Dictionary key of a value: numbers (and duals) by number, so the first text seen for a number wins, as in Qlik. */
export type ValueKey = number | string;

/** The dictionary key of a non-null value. */
export function keyOf(value: number | string | Dual): ValueKey {
  if (typeof value === 'object') return Number.isNaN(value.num) ? value.text : value.num;
  return value;
}

const INITIAL_CAPACITY = 1024;
/** Index arrays of this many rows and more go on a SharedArrayBuffer (see indexArray). */
const SHARED_FROM_ROWS = 1 << 16;

/**
 * Room for `rows` indexes. A big one goes on a SharedArrayBuffer: V8 counts
 * the bytes of plain ArrayBuffers allocated since its last full collection
 * against the old generation's limit, and a 1M-row load's 12 MB of indexes
 * (plus the worker's half, transferred in) made it start a full mark-compact
 * on the loading thread in most loads of bench/engine/load.ts (--trace-gc:
 * "Start (task)" with 24–33 MB of slack, then 15–30 ms); shared buffers are
 * not counted, and a worker's part then crosses by sharing, not transfer.
 */
function indexArray(rows: number): Int32Array {
  return rows >= SHARED_FROM_ROWS
    ? new Int32Array(new SharedArrayBuffer(rows * Int32Array.BYTES_PER_ELEMENT))
    : new Int32Array(rows);
}

/**
 * A growing dictionary-encoded column: distinct values in first-seen order
 * and one Int32 index per row (-1 for null). No per-row objects, so tens of
 * millions of rows fit.
 */
export class ColumnBuilder implements LoadedColumn {
  /** The distinct values in first-seen order (replaced only by `appendColumn` into an empty builder). */
  values: Value[];
  indexes: Int32Array;
  length = 0;
  /** Whether no two values share a key: true unless copied from a column that did not say so. */
  private valuesDistinct = true;
  /** Index by key; built on first need, so a loaded column only read again never pays for it. */
  private positionsOrUndefined: ValuePositions | undefined = new ValuePositions();

  constructor(
    public name: string,
    capacity = INITIAL_CAPACITY,
    /** The dictionary to start from (taken, not copied). */
    values: Value[] = [],
  ) {
    this.indexes = indexArray(Math.max(capacity, 16));
    this.values = values;
  }

  /** A copy of the first `rowCount` rows of a loaded column, to go on appending to. */
  static fromLoaded(loaded: LoadedColumn, rowCount: number): ColumnBuilder {
    // A native copy: a QVD's id field brings a million values.
    const column = new ColumnBuilder(loaded.name, rowCount + 16, loaded.values.slice());
    column.positionsOrUndefined = undefined;
    column.valuesDistinct = loaded.distinct === true;
    column.indexes.set(loaded.indexes.subarray(0, rowCount));
    column.length = rowCount;
    return column;
  }

  /** The index by key, built from the values when first needed (the first of equal keys wins). */
  private get positions(): ValuePositions {
    let positions = this.positionsOrUndefined;
    if (positions === undefined) {
      positions = new ValuePositions();
      const values = this.values;
      for (let i = 0; i < values.length; i++) {
        const key = keyOf(values[i] as number | string | Dual);
        if (positions.get(key) < 0) positions.set(key, i);
      }
      this.positionsOrUndefined = positions;
    }
    return positions;
  }

  /** The dictionary index of a value, adding it when new; -1 for null. */
  indexOf(value: Value): number {
    if (value === null) return -1;
    const key = typeof value === 'object' ? keyOf(value) : value;
    const positions = this.positions;
    let index = positions.get(key);
    if (index < 0) {
      index = this.values.length;
      this.values.push(value);
      positions.set(key, index);
    }
    return index;
  }

  /** The dictionary index of the value with this key (see keyOf); -1 when there is none. */
  find(key: ValueKey): number {
    return this.positions.get(key);
  }

  /** Whether a value is in the dictionary (null never is). */
  has(value: Value): boolean {
    return value !== null && this.positions.get(keyOf(value)) >= 0;
  }

  /** Appends a value. */
  push(value: Value): void {
    this.pushIndex(this.indexOf(value));
  }

  /** Appends a row holding dictionary entry `index` (-1 for null). */
  pushIndex(index: number): void {
    if (this.length === this.indexes.length) this.grow(this.length + 1);
    this.indexes[this.length++] = index;
  }

  /**
   * Appends rows holding the entries `remap[local]` for the `locals` of
   * another dictionary (-1 for null): one pass that remaps and copies in.
   */
  appendRemapped(locals: Int32Array, remap: Int32Array): void {
    this.reserve(this.length + locals.length);
    const indexes = this.indexes;
    let at = this.length;
    for (let r = 0; r < locals.length; r++) {
      const local = locals[r];
      indexes[at++] = local >= 0 ? remap[local] : -1;
    }
    this.length = at;
  }

  /**
   * Appends another builder's rows: into an empty builder by taking its
   * dictionary and index array as they are (the source is not to be used
   * after), else by looking each of its values up once and remapping its rows.
   */
  appendColumn(source: ColumnBuilder): void {
    if (this.length === 0 && this.values.length === 0) {
      this.values = source.values;
      this.indexes = source.indexes;
      this.length = source.length;
      this.positionsOrUndefined = source.positionsOrUndefined;
      this.valuesDistinct = source.valuesDistinct;
      return;
    }
    const values = source.values;
    const remap = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) remap[i] = this.indexOf(values[i]);
    this.appendRemapped(source.indexes.subarray(0, source.length), remap);
  }

  /** Makes room for `rows` rows in all, so a load that knows its size grows once. */
  reserve(rows: number): void {
    if (rows > this.indexes.length) {
      const next = indexArray(rows);
      next.set(this.indexes.subarray(0, this.length));
      this.indexes = next;
    }
  }

  /**
   * Makes room for `rows` more rows; past the room there is it grows by half
   * again (not just to fit), so a column appended piece by piece is not
   * copied for every piece.
   */
  reserveMore(rows: number): void {
    const needed = this.length + rows;
    if (needed > this.indexes.length)
      this.reserve(Math.max(needed, Math.ceil(this.indexes.length * 1.5)));
  }

  /** Appends `count` nulls. */
  pushNulls(count: number): void {
    if (this.length + count > this.indexes.length) this.grow(this.length + count);
    this.indexes.fill(-1, this.length, this.length + count);
    this.length += count;
  }

  /** The value in row `row`. */
  valueAt(row: number): Value {
    const index = this.indexes[row];
    return index < 0 ? null : this.values[index];
  }

  /** Rewrites every row (one value per row), rebuilding the dictionary in first-seen order. */
  replaceValues(rows: readonly Value[]): void {
    this.values.length = 0;
    this.valuesDistinct = true;
    this.positionsOrUndefined = new ValuePositions();
    this.length = 0;
    this.reserve(rows.length);
    for (const value of rows) this.push(value);
  }

  /** Keeps only the rows listed, in that order. */
  selectRows(rows: Int32Array | readonly number[]): ColumnBuilder {
    const result = new ColumnBuilder(this.name, rows.length);
    for (let i = 0; i < rows.length; i++) result.push(this.valueAt(rows[i]));
    return result;
  }

  /** The column trimmed to its length, as the data model takes it. */
  toLoadedColumn(): LoadedColumn {
    // Doubling leaves up to half the buffer unused; hand over a tight copy when that waste is large.
    if (this.indexes.length - this.length > this.length / 4) {
      const tight = indexArray(this.length);
      tight.set(this.indexes.subarray(0, this.length));
      this.indexes = tight;
    }
    return {
      name: this.name,
      values: this.values,
      indexes: this.indexes.subarray(0, this.length),
      distinct: this.valuesDistinct,
    };
  }

  private grow(minimum: number): void {
    let capacity = this.indexes.length * 2;
    while (capacity < minimum) capacity *= 2;
    const next = indexArray(capacity);
    next.set(this.indexes.subarray(0, this.length));
    this.indexes = next;
  }
}
