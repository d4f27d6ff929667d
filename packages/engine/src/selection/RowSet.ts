/**
 * A set of row numbers of one table as a bitset of 32-bit words (bit r of
 * word r >>> 5). Operations return new sets; a RowSet is never changed once
 * handed out.
 */
export class RowSet {
  constructor(
    /** Number of rows of the table. */
    readonly size: number,
    /** The bits; bits past `size` are always 0. */
    readonly words: Uint32Array,
  ) {}

  /** Every row of a table of `size` rows. */
  static full(size: number): RowSet {
    const words = new Uint32Array(wordCount(size)).fill(0xffffffff);
    clearTail(words, size);
    return new RowSet(size, words);
  }

  /** No row of a table of `size` rows. */
  static empty(size: number): RowSet {
    return new RowSet(size, new Uint32Array(wordCount(size)));
  }

  /** The rows listed in `rows`. */
  static of(size: number, rows: Iterable<number>): RowSet {
    const words = new Uint32Array(wordCount(size));
    for (const row of rows) words[row >>> 5] |= 1 << (row & 31);
    return new RowSet(size, words);
  }

  /** Whether `row` is in the set. */
  has(row: number): boolean {
    return (this.words[row >>> 5] & (1 << (row & 31))) !== 0;
  }

  /** Number of rows in the set. */
  count(): number {
    let total = 0;
    const words = this.words;
    for (let i = 0; i < words.length; i++) total += popcount(words[i]);
    return total;
  }

  /** Whether every row of the table is in the set. */
  isFull(): boolean {
    return this.count() === this.size;
  }

  /** Calls `visit` with each row in ascending order. */
  forEach(visit: (row: number) => void): void {
    const words = this.words;
    for (let w = 0; w < words.length; w++) {
      let bits = words[w];
      while (bits !== 0) {
        const low = bits & -bits;
        visit((w << 5) + 31 - Math.clz32(low));
        bits ^= low;
      }
    }
  }

  /** The rows in ascending order. */
  toArray(): Uint32Array {
    const rows = new Uint32Array(this.count());
    let next = 0;
    this.forEach((row) => (rows[next++] = row));
    return rows;
  }

  /** Rows in this set or in `other`. */
  union(other: RowSet): RowSet {
    return this.combine(other, (a, b) => a | b);
  }

  /** Rows in both sets. */
  intersect(other: RowSet): RowSet {
    return this.combine(other, (a, b) => a & b);
  }

  /** Rows in this set and not in `other`. */
  difference(other: RowSet): RowSet {
    return this.combine(other, (a, b) => a & ~b);
  }

  /** Rows in exactly one of the two sets. */
  symmetricDifference(other: RowSet): RowSet {
    return this.combine(other, (a, b) => a ^ b);
  }

  /** Rows of the table not in this set. */
  complement(): RowSet {
    const words = new Uint32Array(this.words.length);
    for (let i = 0; i < words.length; i++) words[i] = ~this.words[i];
    clearTail(words, this.size);
    return new RowSet(this.size, words);
  }

  private combine(other: RowSet, op: (a: number, b: number) => number): RowSet {
    if (other.size !== this.size) {
      throw new RangeError(`Cannot combine row sets of ${this.size} and ${other.size} rows`);
    }
    const words = new Uint32Array(this.words.length);
    for (let i = 0; i < words.length; i++) words[i] = op(this.words[i], other.words[i]);
    return new RowSet(this.size, words);
  }
}

function wordCount(size: number): number {
  return (size + 31) >>> 5;
}

function clearTail(words: Uint32Array, size: number): void {
  const spare = size & 31;
  if (spare !== 0) words[words.length - 1] &= (1 << spare) - 1;
}

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
