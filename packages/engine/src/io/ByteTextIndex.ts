import { grownBytes, grownInt32 } from './grownArrays.js';
import { keepShape } from './keepShape.js';

/** Int32s per slot: the entry's hash, then entry + 1 (0 = empty). */
const SLOT = 2;
/** Int32s per entry: its length, its first 8 bytes as two little-endian words (zero past its end), its number. */
const ENTRY = 4;

/**
 * Maps the bytes of a cell to a number (its dictionary index). Open
 * addressing over flat typed arrays: a repeated cell is found without
 * creating a string or an object. The hash is taken word by word (4 bytes at
 * a time, not byte by byte); a slot holds its hash beside its entry, and an
 * entry its length, head words and number side by side, so a lookup touches
 * two cache lines; a cell of up to 8 bytes is compared as two words.
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
  /** The head words and hash of the cell looked for last. */
  private head0 = 0;
  private head1 = 0;
  private hash = 0;
  private readonly masks = HEAD_MASKS;
  private readonly one = {
    starts: new Int32Array(1),
    ends: new Int32Array(1),
    codes: new Int32Array(1),
  };

  /** The entries stored. */
  get size(): number {
    return this.count;
  }

  /** The number stored for `buf[start, end)`, or -1. */
  find(buf: Uint8Array, start: number, end: number): number {
    const one = this.one;
    one.starts[0] = start;
    one.ends[0] = end;
    return this.findAll(buf, one.starts, one.ends, 0, 1, 1, one.codes, 0) === 1 ? one.codes[0] : -1;
  }

  /**
   * Looks up `count` cells, the first at `starts[first]`/`ends[first]`, the
   * next `stride` further on (a start of -1 is no cell: -1), and writes their
   * numbers to `codes` from `at` on, up to the first cell not stored yet;
   * returns how many it wrote (`count` when all were found). The caller may
   * then `add` that cell and go on from the next. One loop with the hashing
   * in it and no calls out, so the JIT compiles it whole and quickly (it is
   * compiled again after a GC drops the code: on every load).
   */
  findAll(
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    first: number,
    stride: number,
    count: number,
    codes: Int32Array,
    at: number,
  ): number {
    // Constants as literals and fields read into locals: a module-level constant is loaded and checked at every use.
    const view = this.viewOf(buf);
    const masks = this.masks;
    const size = buf.length;
    for (let r = 0, k = first; r < count; r++, k += stride) {
      const start = starts[k];
      if (start < 0) {
        codes[at++] = -1;
        continue;
      }
      const end = ends[k];
      const length = end - start;
      let head0: number;
      let head1: number;
      let hash: number;
      if (length > 8) {
        // Every word of a long cell is inside it: read, never assembled.
        head0 = view.getInt32(start, true);
        head1 = view.getInt32(start + 4, true);
        hash = Math.imul(head0 ^ 0x811c9dc5, 0x9e3779b1) ^ Math.imul(head1 ^ length, 0x85ebca77);
        let word = start + 8;
        for (; word + 4 <= end; word += 4) {
          hash = Math.imul(hash ^ view.getInt32(word, true), 0xcc9e2d51);
          hash ^= hash >>> 15;
        }
        // The last bytes as the word that ends the cell (overlapping the one before).
        if (word < end) hash = Math.imul(hash ^ view.getInt32(end - 4, true), 0x1b873593);
      } else {
        // A cell of up to 8 bytes: its two words are all there is to hash and compare.
        if (start + 8 <= size) {
          head0 = view.getInt32(start, true) & masks[length];
          head1 = view.getInt32(start + 4, true) & masks[length + 9];
        } else {
          head0 = wordAt(buf, start, end);
          head1 = wordAt(buf, start + 4, end);
        }
        hash = Math.imul(head0 ^ 0x811c9dc5, 0x9e3779b1) ^ Math.imul(head1 ^ length, 0x85ebca77);
      }
      // Spread every bit into the low ones the table masks with.
      hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
      hash ^= hash >>> 13;
      const value = this.probe(buf, start, end, hash, head0, head1);
      if (value < 0) {
        this.head0 = head0;
        this.head1 = head1;
        this.hash = hash;
        return r;
      }
      codes[at++] = value;
    }
    return count;
  }

  /** The number of the entry with these bytes, hash and head words, or -1 (SLOT = 2, ENTRY = 4 Int32s). */
  private probe(
    buf: Uint8Array,
    start: number,
    end: number,
    hash: number,
    head0: number,
    head1: number,
  ): number {
    const length = end - start;
    const slots = this.slots;
    const entries = this.entries;
    const mask = this.mask;
    let slot = hash & mask;
    for (;;) {
      const at = slot * 2;
      const entry = slots[at + 1] - 1;
      if (entry < 0) return -1;
      const e = entry * 4;
      if (
        slots[at] === hash &&
        entries[e] === length &&
        entries[e + 1] === head0 &&
        entries[e + 2] === head1 &&
        (length <= 8 || this.sameBytes(entry, buf, start + 8, end))
      )
        return entries[e + 3];
      slot = (slot + 1) & mask;
    }
  }

  /** Stores `value` for `buf[start, end)`: the cell `findAll` stopped at, not found. */
  add(buf: Uint8Array, start: number, end: number, value: number): void {
    const length = end - start;
    if (this.count === this.starts.length) this.growEntries();
    if (this.used + length > this.bytes.length) this.growBytes(this.used + length);
    const entry = this.count++;
    this.bytes.set(buf.subarray(start, end), this.used);
    this.starts[entry] = this.used;
    this.used += length;
    const e = entry * ENTRY;
    this.entries[e] = length;
    this.entries[e + 1] = this.head0;
    this.entries[e + 2] = this.head1;
    this.entries[e + 3] = value;
    // Half full at most, so probe runs stay short.
    if (this.count * 2 > this.mask + 1) this.rehash((this.mask + 1) * 2);
    this.place(entry, this.hash);
  }

  /** Whether entry `entry` holds `buf[start, end)` from its 9th byte on (`start` is that byte's offset). */
  private sameBytes(entry: number, buf: Uint8Array, start: number, end: number): boolean {
    const bytes = this.bytes;
    const at = this.starts[entry] + 8 - start;
    let i = start;
    const view = this.view;
    const stored = this.bytesView;
    for (; i + 4 <= end; i += 4) if (view.getInt32(i) !== stored.getInt32(at + i)) return false;
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
    let slot = hash & this.mask;
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
    this.starts = grownInt32(this.starts, capacity);
    this.entries = grownInt32(this.entries, capacity * ENTRY);
  }

  private growBytes(minimum: number): void {
    this.bytes = grownBytes(this.bytes, this.used, minimum);
    this.bytesView = new DataView(this.bytes.buffer);
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

/** The little-endian word of `buf[at, min(at + 4, end))`, zero past `end`. */
function wordAt(buf: Uint8Array, at: number, end: number): number {
  let word = 0;
  for (let i = Math.min(end, at + 4) - 1; i >= at; i--) word = (word << 8) | buf[i];
  return word;
}

keepShape(new ByteTextIndex());
