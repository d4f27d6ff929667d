/**
 * A set of one field's symbol indexes as a byte mask with one extra slot for
 * the null code (always 0), so a column's codes index it directly. Like
 * RowSet it is never changed once built.
 */
export class SymbolSet {
  private cachedCount = -1;

  private constructor(
    /** 1 for each member symbol; length is cardinality + 1. Do not write to it. */
    readonly mask: Uint8Array,
  ) {}

  /** The empty set over a field of `cardinality` symbols. */
  static empty(cardinality: number): SymbolSet {
    return new SymbolSet(new Uint8Array(cardinality + 1));
  }

  /** Every symbol of a field of `cardinality` symbols. */
  static all(cardinality: number): SymbolSet {
    const mask = new Uint8Array(cardinality + 1).fill(1);
    mask[cardinality] = 0;
    return new SymbolSet(mask);
  }

  /** The symbols listed, ignoring indexes outside 0..cardinality-1. */
  static of(cardinality: number, indexes: Iterable<number>): SymbolSet {
    const mask = new Uint8Array(cardinality + 1);
    for (const index of indexes) if (index >= 0 && index < cardinality) mask[index] = 1;
    return new SymbolSet(mask);
  }

  /** The symbols for which `test` holds. */
  static where(cardinality: number, test: (index: number) => boolean): SymbolSet {
    const mask = new Uint8Array(cardinality + 1);
    for (let i = 0; i < cardinality; i++) if (test(i)) mask[i] = 1;
    return new SymbolSet(mask);
  }

  /** Takes ownership of a mask of cardinality + 1 bytes (0/1), clearing its null slot. */
  static fromMask(mask: Uint8Array): SymbolSet {
    mask[mask.length - 1] = 0;
    return new SymbolSet(mask);
  }

  /** Number of symbols of the field this set belongs to. */
  get cardinality(): number {
    return this.mask.length - 1;
  }

  /** Whether symbol `index` is in the set. */
  has(index: number): boolean {
    return this.mask[index] === 1;
  }

  /** Number of symbols in the set. */
  get size(): number {
    if (this.cachedCount < 0) {
      let count = 0;
      for (let i = 0; i < this.mask.length; i++) count += this.mask[i];
      this.cachedCount = count;
    }
    return this.cachedCount;
  }

  /** Whether the set has no symbol. */
  get isEmpty(): boolean {
    if (this.cachedCount >= 0) return this.cachedCount === 0;
    // Stops at the first member: a selection of one value in a big field is found at once.
    return this.mask.indexOf(1) < 0;
  }

  /** The member indexes in ascending order. */
  indexes(): number[] {
    const list: number[] = [];
    for (let i = 0; i < this.cardinality; i++) if (this.mask[i] === 1) list.push(i);
    return list;
  }

  /** Symbols in either set. */
  union(other: SymbolSet): SymbolSet {
    return this.combine(other, (a, b) => a | b);
  }

  /** Symbols in both sets. */
  intersect(other: SymbolSet): SymbolSet {
    return this.combine(other, (a, b) => a & b);
  }

  /** Symbols in this set and not in `other`. */
  difference(other: SymbolSet): SymbolSet {
    return this.combine(other, (a, b) => a & (b ^ 1));
  }

  /** Symbols in exactly one of the sets. */
  symmetricDifference(other: SymbolSet): SymbolSet {
    return this.combine(other, (a, b) => a ^ b);
  }

  /** Symbols of the field not in this set. */
  complement(): SymbolSet {
    const mask = new Uint8Array(this.mask.length);
    for (let i = 0; i < mask.length; i++) mask[i] = this.mask[i] ^ 1;
    return SymbolSet.fromMask(mask);
  }

  /** Whether both sets hold the same symbols. */
  equals(other: SymbolSet): boolean {
    if (other.mask.length !== this.mask.length) return false;
    for (let i = 0; i < this.mask.length; i++) if (this.mask[i] !== other.mask[i]) return false;
    return true;
  }

  private combine(other: SymbolSet, op: (a: number, b: number) => number): SymbolSet {
    if (other.mask.length !== this.mask.length) {
      throw new RangeError(
        `Cannot combine symbol sets of ${this.cardinality} and ${other.cardinality} symbols`,
      );
    }
    const mask = new Uint8Array(this.mask.length);
    for (let i = 0; i < mask.length; i++) mask[i] = op(this.mask[i], other.mask[i]);
    return SymbolSet.fromMask(mask);
  }
}
