/**
 * Maps numbers to symbol indexes: open addressing over flat typed arrays,
 * which finds and inserts a number several times faster than a `Map` does,
 * and a load of a million distinct numbers does a million of each.
 * Numbers are compared by value (0 and -0 are one key); NaN is never a key.
 */
export class SymbolTableNumberIndex {
  private keys = new Float64Array(64);
  /** Per slot: the symbol index + 1 (0 = empty). */
  private entries = new Int32Array(64);
  private mask = 63;
  private count = 0;
  private readonly bits = new Float64Array(1);
  private readonly halves = new Int32Array(this.bits.buffer);

  /** The index stored for `num`, or -1. */
  get(num: number): number {
    const keys = this.keys;
    const entries = this.entries;
    const mask = this.mask;
    let slot = this.hash(num) & mask;
    for (;;) {
      const entry = entries[slot];
      if (entry === 0) return -1;
      if (keys[slot] === num) return entry - 1;
      slot = (slot + 1) & mask;
    }
  }

  /** Stores `index` for `num`, which must not be stored yet. */
  set(num: number, index: number): void {
    // Half full at most, so probe runs stay short.
    if ((this.count + 1) * 2 > this.entries.length) this.rehash(this.entries.length * 2);
    this.place(num, index + 1);
    this.count++;
  }

  private place(num: number, entry: number): void {
    const mask = this.mask;
    let slot = this.hash(num) & mask;
    while (this.entries[slot] !== 0) slot = (slot + 1) & mask;
    this.keys[slot] = num;
    this.entries[slot] = entry;
  }

  private hash(num: number): number {
    // -0 + 0 is 0: both zeros hash alike, as they compare equal.
    this.bits[0] = num + 0;
    // Whole numbers differ only in the high bits of their high half: mix everything down.
    return mix(this.halves[0] ^ mix(this.halves[1]));
  }

  private rehash(capacity: number): void {
    const keys = this.keys;
    const entries = this.entries;
    this.keys = new Float64Array(capacity);
    this.entries = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let slot = 0; slot < entries.length; slot++)
      if (entries[slot] !== 0) this.place(keys[slot], entries[slot]);
  }
}

/** MurmurHash3's finaliser: every input bit reaches the low bits that index the table. */
function mix(value: number): number {
  let h = Math.imul(value ^ (value >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
