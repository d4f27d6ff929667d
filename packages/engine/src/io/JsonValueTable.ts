import { grownBytes, grownInt32 } from './grownArrays.js';

/** The start of a running value hash (FNV-1a's offset basis). */
export const VALUE_HASH_SEED = 0x811c9dc5 | 0;
/** FNV-1a's prime: `hash = Math.imul(hash ^ byte, VALUE_HASH_PRIME)` per byte. */
export const VALUE_HASH_PRIME = 0x01000193;
/** What `find` answers for bytes not stored (-1 is a stored null). */
export const NOT_STORED = -2;

/**
 * The dictionary index of a JSON value's bytes, for one field: a value the
 * field has seen before is found from its bytes and a hash taken while they
 * were scanned, with no string, number or object made. Equal bytes are the
 * same JSON value, so this is exact; equal values written differently (`1`,
 * `1.0`) have entries of their own that hold the same index. Open addressing
 * over flat typed arrays, the bytes kept in one growing buffer.
 */
export class JsonValueTable {
  /** Per slot: entry + 1 (0: empty), and the entry's hash, compared first. */
  private slots = new Int32Array(64);
  private slotHashes = new Int32Array(64);
  private mask = 63;
  private bytes = new Uint8Array(1024);
  private used = 0;
  private starts = new Int32Array(32);
  private lengths = new Int32Array(32);
  private hashes = new Int32Array(32);
  private indexes = new Int32Array(32);
  private count = 0;

  /** The entries stored. */
  get size(): number {
    return this.count;
  }

  /** The index stored for `buf[start, end)`, or NOT_STORED. */
  find(buf: Uint8Array, start: number, end: number, hash: number): number {
    const length = end - start;
    const slots = this.slots;
    const slotHashes = this.slotHashes;
    const mask = this.mask;
    let slot = (hash ^ (hash >>> 15)) & mask;
    for (;;) {
      const entry = slots[slot] - 1;
      if (entry < 0) return NOT_STORED;
      if (slotHashes[slot] === hash && this.lengths[entry] === length) {
        const bytes = this.bytes;
        const offset = this.starts[entry] - start;
        let i = start;
        while (i < end && buf[i] === bytes[offset + i]) i++;
        if (i === end) return this.indexes[entry];
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Stores `index` for `buf[start, end)`, which `find` did not know. */
  add(buf: Uint8Array, start: number, end: number, hash: number, index: number): void {
    const length = end - start;
    if (this.count === this.indexes.length) this.growEntries();
    if (this.used + length > this.bytes.length) this.growBytes(this.used + length);
    const entry = this.count++;
    this.bytes.set(buf.subarray(start, end), this.used);
    this.starts[entry] = this.used;
    this.lengths[entry] = length;
    this.hashes[entry] = hash;
    this.indexes[entry] = index;
    this.used += length;
    // At most half full, so probes stay short.
    if (this.count * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(entry);
  }

  private place(entry: number): void {
    const hash = this.hashes[entry];
    let slot = (hash ^ (hash >>> 15)) & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = entry + 1;
    this.slotHashes[slot] = hash;
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity);
    this.slotHashes = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let entry = 0; entry < this.count; entry++) this.place(entry);
  }

  private growEntries(): void {
    const capacity = this.indexes.length * 2;
    this.starts = grownInt32(this.starts, capacity);
    this.lengths = grownInt32(this.lengths, capacity);
    this.hashes = grownInt32(this.hashes, capacity);
    this.indexes = grownInt32(this.indexes, capacity);
  }

  private growBytes(minimum: number): void {
    this.bytes = grownBytes(this.bytes, this.used, minimum);
  }
}
