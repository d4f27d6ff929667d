import { SymbolTableNumberIndex } from '../model/SymbolTableNumberIndex.js';
import type { ValueKey } from './ColumnBuilder.js';

/** Slots a direct table may always grow to (it starts empty, and grows by doubling from 64). */
const DIRECT_MIN = 1024;
/**
 * A first whole number from which the direct table starts rather than at 0:
 * far enough up that the numbers of a measure or a code column (distances,
 * years, amounts: below it, in any order) keep a table from 0.
 */
const BASE_MIN = 1 << 16;
/** A whole number goes to the direct table while it is under this many times the count of numbers stored (plus DIRECT_MIN) past the table's base. */
const DIRECT_SPREAD = 4;

/**
 * A column's dictionary index by value key: whole numbers from 0 up to a few
 * times the count of numbers stored in a table indexed by the number itself
 * (an id column, years, codes: one array read, where the hash missed the
 * cache on every new value of a million-row id column — most of the
 * loading thread's time on the 1M-row JSON of bench/engine/sources.ts);
 * other numbers in a typed-array hash (a `Map` slows down past a few hundred
 * thousand number keys), texts in a `Map`, NaN on its own.
 */
export class ValuePositions {
  /** Per whole number from `base` on, below `base` + its length: the position + 1 (0 = not in this table). */
  private direct = new Int32Array(0);
  private directCount = 0;
  /**
   * The first whole number stored when it is past BASE_MIN, else 0: an id
   * column read from its middle (the second thread's part of a file) starts
   * its table there rather than hashing every id.
   */
  private base = 0;
  private readonly numbers = new SymbolTableNumberIndex();
  private hashed = 0;
  private readonly texts = new Map<string, number>();
  private nan = -1;

  /** The position stored for `key`, or -1. */
  get(key: ValueKey): number {
    if (typeof key === 'string') return this.texts.get(key) ?? -1;
    if (key !== key) return this.nan;
    // Whole numbers in range (0 and -0 alike) are read straight, unless the hash may hold them too.
    const at = key - this.base;
    if (at >= 0 && at < this.direct.length && Number.isInteger(at)) {
      const entry = this.direct[at];
      if (entry > 0 || this.hashed === 0) return entry - 1;
    }
    return this.hashed === 0 ? -1 : this.numbers.get(key);
  }

  /** Stores `position` for `key`, which must not be stored yet. */
  set(key: ValueKey, position: number): void {
    if (typeof key === 'string') this.texts.set(key, position);
    else if (key !== key) this.nan = position;
    else if (key >= 0 && Number.isInteger(key) && this.fitsDirect(key)) {
      this.direct[key - this.base] = position + 1;
      this.directCount++;
    } else {
      this.numbers.set(key, position);
      this.hashed++;
    }
  }

  /** Whether a whole number goes to the direct table, grown (by doubling) to hold it when it is near enough. */
  private fitsDirect(key: number): boolean {
    let length = this.direct.length;
    if (length === 0 && this.directCount + this.hashed === 0 && key >= BASE_MIN) this.base = key;
    const at = key - this.base;
    if (at < 0) return false;
    if (at < length) return true;
    if (at >= DIRECT_MIN + DIRECT_SPREAD * (this.directCount + this.hashed + 1)) return false;
    length = Math.max(length, 64);
    while (length <= at) length *= 2;
    const grown = new Int32Array(length);
    grown.set(this.direct);
    this.direct = grown;
    return true;
  }
}
