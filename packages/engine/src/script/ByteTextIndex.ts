/** The start value of the running cell hash (FNV-1a's offset basis). */
export const BYTE_HASH_SEED = 0x811c9dc5 | 0;
/** FNV-1a's prime: `hash = Math.imul(hash ^ byte, BYTE_HASH_PRIME)` per byte. */
export const BYTE_HASH_PRIME = 0x01000193;

/**
 * Maps the bytes of a cell to a number (its dictionary index), keyed by a
 * hash the caller computes while scanning. Open addressing over flat typed
 * arrays: a repeated cell is found without creating a string or an object.
 */
export class ByteTextIndex {
  /** Per slot: entry + 1 (0 = empty), and that entry's hash, checked before anything else. */
  private slots = new Int32Array(256);
  private slotHashes = new Int32Array(256);
  private mask = 255;
  private bytes = new Uint8Array(4096);
  private used = 0;
  private starts = new Int32Array(128);
  private lengths = new Int32Array(128);
  private hashes = new Int32Array(128);
  private values = new Int32Array(128);
  private count = 0;

  /** The number stored for `buf[start, end)`, or -1. */
  find(buf: Uint8Array, start: number, end: number, hash: number): number {
    const length = end - start;
    const slots = this.slots;
    const mask = this.mask;
    const slotHashes = this.slotHashes;
    let slot = mix(hash) & mask;
    for (;;) {
      const entry = slots[slot] - 1;
      if (entry < 0) return -1;
      if (slotHashes[slot] === hash && this.lengths[entry] === length) {
        const bytes = this.bytes;
        const at = this.starts[entry] - start;
        let i = start;
        while (i < end && buf[i] === bytes[at + i]) i++;
        if (i === end) return this.values[entry];
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Stores `value` for `buf[start, end)`, which must not be stored yet. */
  add(buf: Uint8Array, start: number, end: number, hash: number, value: number): void {
    const length = end - start;
    if (this.count === this.values.length) this.growEntries();
    if (this.used + length > this.bytes.length) this.growBytes(this.used + length);
    const entry = this.count++;
    this.bytes.set(buf.subarray(start, end), this.used);
    this.starts[entry] = this.used;
    this.lengths[entry] = length;
    this.hashes[entry] = hash;
    this.values[entry] = value;
    this.used += length;
    // Half full at most, so probe runs stay short.
    if (this.count * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(entry);
  }

  private place(entry: number): void {
    let slot = mix(this.hashes[entry]) & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = entry + 1;
    this.slotHashes[slot] = this.hashes[entry];
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity);
    this.slotHashes = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let entry = 0; entry < this.count; entry++) this.place(entry);
  }

  private growEntries(): void {
    const capacity = this.values.length * 2;
    this.starts = grown(this.starts, capacity);
    this.lengths = grown(this.lengths, capacity);
    this.hashes = grown(this.hashes, capacity);
    this.values = grown(this.values, capacity);
  }

  private growBytes(minimum: number): void {
    let capacity = this.bytes.length * 2;
    while (capacity < minimum) capacity *= 2;
    const next = new Uint8Array(capacity);
    next.set(this.bytes.subarray(0, this.used));
    this.bytes = next;
  }
}

/** Spreads the high bits of an FNV hash into the low bits the table masks with. */
function mix(hash: number): number {
  return hash ^ (hash >>> 16);
}

function grown(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(capacity);
  next.set(array);
  return next;
}
