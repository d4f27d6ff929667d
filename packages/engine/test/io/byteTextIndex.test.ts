import { describe, expect, it } from 'vitest';
import { ByteTextIndex } from '../../src/io/ByteTextIndex.js';

// The index compares a cell of up to 8 bytes as two words read past its end,
// and a longer one word by word: these tests hold cells of every length, at
// the end of their buffer (no 8 bytes to read) and in its middle, and enough
// long cells that some share a 32-bit hash (the bytes must tell them apart).

const encoder = new TextEncoder();

/** Every text of length 0 to 20 over a few letters, some differing only in their last byte. */
function texts(): string[] {
  const list: string[] = [];
  for (let length = 0; length <= 20; length++) {
    for (const letter of ['a', 'b', '\u0000', 'é']) list.push('x'.repeat(length) + letter);
    list.push('y'.repeat(length));
  }
  return [...new Set(list)];
}

/** The texts laid out in one buffer, each with its range; `padding` bytes follow the last. */
function layout(list: readonly string[], padding: number) {
  const parts = list.map((text) => encoder.encode(text));
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const buf = new Uint8Array(total + padding).fill(0x78);
  const ranges: [number, number][] = [];
  let at = 0;
  for (const part of parts) {
    buf.set(part, at);
    ranges.push([at, at + part.length]);
    at += part.length;
  }
  return { buf, ranges };
}

/** Stores each range as the number of its place, checking it was not there yet. */
function addAll(index: ByteTextIndex, buf: Uint8Array, ranges: readonly [number, number][]) {
  ranges.forEach(([start, end], value) => {
    expect(index.find(buf, start, end)).toBe(-1);
    index.add(buf, start, end, value);
  });
}

describe('ByteTextIndex', () => {
  it('finds each cell by its bytes, whatever its length and place', () => {
    const list = texts();
    const index = new ByteTextIndex();
    // Added from a buffer with nothing after the last cell...
    const stored = layout(list, 0);
    addAll(index, stored.buf, stored.ranges);
    // ...and looked up in other buffers: reversed (other offsets), with and without room after.
    for (const padding of [0, 16]) {
      const other = layout([...list].reverse(), padding);
      other.ranges.forEach(([start, end], k) => {
        expect(index.find(other.buf, start, end)).toBe(list.length - 1 - k);
      });
    }
    const missing = encoder.encode('xxxxxxxxxxxxz');
    expect(index.find(missing, 0, missing.length)).toBe(-1);
    const prefix = encoder.encode('xxxa');
    expect(index.find(prefix, 0, 3)).toBe(list.indexOf('xxx'));
  });

  it('looks up a laid-out column in one call, a start of -1 being no cell', () => {
    const index = new ByteTextIndex();
    const buf = encoder.encode('a,bb,a,ccccccccccccc,bb');
    // Two columns of three rows, stride 2: column 1 is read, with its second row missing.
    const starts = Int32Array.from([0, 2, 5, -1, 7, 21]);
    const ends = Int32Array.from([1, 4, 6, -1, 20, 23]);
    const codes = new Int32Array(5).fill(9);
    const added: string[] = [];
    // The first row's cell is new: findAll stops there, and goes on once it is added.
    expect(index.findAll(buf, starts, ends, 1, 2, 3, codes, 1)).toBe(0);
    added.push(new TextDecoder().decode(buf.subarray(starts[1], ends[1])));
    index.add(buf, starts[1], ends[1], 0);
    codes[1] = 0;
    expect(index.findAll(buf, starts, ends, 3, 2, 2, codes, 2)).toBe(2);
    expect(added).toEqual(['bb']);
    expect([...codes]).toEqual([9, 0, -1, 0, 9]);
  });

  it('keeps every entry through many growths, and tells long cells with one hash apart', () => {
    const index = new ByteTextIndex();
    const count = 200_000;
    // Long cells of one length and the same first 8 bytes, differing in a few middle
    // bytes: among 200,000 a few share a 32-bit hash (about 4.7 pairs expected).
    const text = Array.from(
      { length: count },
      (_, i) => `cellcell${String(i * 7919).padStart(10, '0')}-suffix`,
    ).join(',');
    const buf = encoder.encode(text);
    const ranges: [number, number][] = [];
    let start = 0;
    for (let i = 0; i <= buf.length; i++) {
      if (i === buf.length || buf[i] === 44) {
        ranges.push([start, i]);
        start = i + 1;
      }
    }
    let misplaced = 0;
    ranges.forEach(([s, e], value) => {
      if (index.find(buf, s, e) !== -1) misplaced++;
      index.add(buf, s, e, value);
    });
    ranges.forEach(([s, e], value) => {
      if (index.find(buf, s, e) !== value) misplaced++;
    });
    expect(misplaced).toBe(0);
  });
});
