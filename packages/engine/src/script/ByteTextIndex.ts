/** The start value of the running cell hash (FNV-1a's offset basis). */
export const BYTE_HASH_SEED = 0x811c9dc5 | 0;
/** FNV-1a's prime: `hash = Math.imul(hash ^ byte, BYTE_HASH_PRIME)` per byte. */
export const BYTE_HASH_PRIME = 0x01000193;

/** Int32s per slot: the entry's hash, then entry + 1 (0 = empty). */
const SLOT = 2;
/** Int32s per entry: its length, its first 8 bytes as two little-endian words (zero past its end), its number. */
const ENTRY = 4;

/**
 * Maps the bytes of a cell to a number (its dictionary index), keyed by a
 * hash the caller computes while scanning. Open addressing over flat typed
 * arrays: a repeated cell is found without creating a string or an object.
 * A slot holds its hash beside its entry, and an entry its length, head
 * words and number side by side, so a lookup touches two cache lines, not six.
 */
export class ByteTextIndex {
  private slots = new Int32Array(256 * SLOT);
  private mask = 255;
  private entries = new Int32Array(128 * ENTRY);
  /** Where each entry's bytes start in `bytes`. */
  private starts = new Int32Array(128);
  private bytes = new Uint8Array(4096);
  private bytesView = new DataView(this.bytes.buffer);
  private used = 0;
  private count = 0;
  /** A view of the last buffer searched, for reading words. */
  private view: DataView = new DataView(new ArrayBuffer(8));
  private viewed: Uint8Array | undefined;

  /** The number stored for `buf[start, end)`, or -1. */
  find(buf: Uint8Array, start: number, end: number, hash: number): number {
    const length = end - start;
    const slots = this.slots;
    const entries = this.entries;
    const mask = this.mask;
    // A cell of up to 8 bytes with 8 bytes to read is compared as two words, not byte by byte.
    const short = length <= 8 && start + 8 <= buf.length;
    let head0 = 0;
    let head1 = 0;
    if (short) {
      const view = this.viewOf(buf);
      head0 = view.getInt32(start, true) & HEAD_MASKS[length];
      head1 = view.getInt32(start + 4, true) & HEAD_MASKS[length + 9];
    }
    let slot = mix(hash) & mask;
    for (;;) {
      const at = slot * SLOT;
      const entry = slots[at + 1] - 1;
      if (entry < 0) return -1;
      const e = entry * ENTRY;
      if (slots[at] === hash && entries[e] === length) {
        if (short) {
          if (entries[e + 1] === head0 && entries[e + 2] === head1) return entries[e + 3];
        } else if (this.sameBytes(entry, buf, start, end)) return entries[e + 3];
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Stores `value` for `buf[start, end)`, which must not be stored yet. */
  add(buf: Uint8Array, start: number, end: number, hash: number, value: number): void {
    const length = end - start;
    if (this.count === this.starts.length) this.growEntries();
    if (this.used + length > this.bytes.length) this.growBytes(this.used + length);
    const entry = this.count++;
    this.bytes.set(buf.subarray(start, end), this.used);
    this.starts[entry] = this.used;
    this.used += length;
    let head0 = 0;
    let head1 = 0;
    for (let i = Math.min(length, 8) - 1; i >= 0; i--) {
      if (i < 4) head0 |= buf[start + i] << (8 * i);
      else head1 |= buf[start + i] << (8 * (i - 4));
    }
    const e = entry * ENTRY;
    this.entries[e] = length;
    this.entries[e + 1] = head0;
    this.entries[e + 2] = head1;
    this.entries[e + 3] = value;
    // Half full at most, so probe runs stay short.
    if (this.count * 2 > this.mask + 1) this.rehash((this.mask + 1) * 2);
    this.place(entry, hash);
  }

  /** Whether entry `entry` holds `buf[start, end)`: word by word, the last few bytes one by one. */
  private sameBytes(entry: number, buf: Uint8Array, start: number, end: number): boolean {
    const bytes = this.bytes;
    const at = this.starts[entry] - start;
    let i = start;
    if (end - start >= 4) {
      const view = this.viewOf(buf);
      const stored = this.bytesView;
      for (; i + 4 <= end; i += 4) if (view.getInt32(i) !== stored.getInt32(at + i)) return false;
    }
    while (i < end && buf[i] === bytes[at + i]) i++;
    return i === end;
  }

  private viewOf(buf: Uint8Array): DataView {
    if (this.viewed === buf) return this.view;
    this.viewed = buf;
    return (this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength));
  }

  private place(entry: number, hash: number): void {
    const slots = this.slots;
    let slot = mix(hash) & this.mask;
    while (slots[slot * SLOT + 1] !== 0) slot = (slot + 1) & this.mask;
    slots[slot * SLOT] = hash;
    slots[slot * SLOT + 1] = entry + 1;
  }

  private rehash(capacity: number): void {
    const old = this.slots;
    this.slots = new Int32Array(capacity * SLOT);
    this.mask = capacity - 1;
    for (let at = 0; at < old.length; at += SLOT)
      if (old[at + 1] !== 0) this.place(old[at + 1] - 1, old[at]);
  }

  private growEntries(): void {
    const capacity = this.starts.length * 2;
    this.starts = grown(this.starts, capacity);
    this.entries = grown(this.entries, capacity * ENTRY);
  }

  private growBytes(minimum: number): void {
    let capacity = this.bytes.length * 2;
    while (capacity < minimum) capacity *= 2;
    const next = new Uint8Array(capacity);
    next.set(this.bytes.subarray(0, this.used));
    this.bytes = next;
    this.bytesView = new DataView(next.buffer);
  }
}

/**
 * Masks keeping a cell's bytes in its two head words: entry `length` for the
 * first word, `9 + length` for the second (lengths 0 to 8).
 */
const HEAD_MASKS = Int32Array.from({ length: 18 }, (_, k) => {
  const bytes = k < 9 ? Math.min(k, 4) : Math.max(0, Math.min(k - 9 - 4, 4));
  return bytes === 4 ? -1 : (1 << (8 * bytes)) - 1;
});

/** Spreads the high bits of an FNV hash into the low bits the table masks with. */
function mix(hash: number): number {
  return hash ^ (hash >>> 16);
}

function grown(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(capacity);
  next.set(array);
  return next;
}
