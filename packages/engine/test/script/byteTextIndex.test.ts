import { describe, expect, it } from 'vitest';
import { BYTE_HASH_PRIME, BYTE_HASH_SEED, ByteTextIndex } from '../../src/script/ByteTextIndex.js';

// The index compares a cell of up to 8 bytes as two words read past its end,
// and a longer one word by word: these tests hold cells of every length, at
// the end of their buffer (no 8 bytes to read) and in its middle, under one
// shared hash (every lookup must then tell cells apart by their bytes).

const encoder = new TextEncoder();

function fnv(bytes: Uint8Array, start: number, end: number): number {
  let hash = BYTE_HASH_SEED;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], BYTE_HASH_PRIME);
  return hash;
}

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
  const buf = new Uint8Array(total + padding);
  const ranges: [number, number][] = [];
  let at = 0;
  for (const part of parts) {
    buf.set(part, at);
    ranges.push([at, at + part.length]);
    at += part.length;
  }
  return { buf, ranges };
}

describe('ByteTextIndex', () => {
  for (const hashOf of ['fnv', 'one shared hash'] as const) {
    it(`finds each cell by its bytes, whatever its length and place (${hashOf})`, () => {
      const list = texts();
      const hash = (buf: Uint8Array, start: number, end: number) =>
        hashOf === 'fnv' ? fnv(buf, start, end) : 7;
      const index = new ByteTextIndex();
      // Added from a buffer with nothing after the last cell...
      const stored = layout(list, 0);
      stored.ranges.forEach(([start, end], value) => {
        expect(index.find(stored.buf, start, end, hash(stored.buf, start, end))).toBe(-1);
        index.add(stored.buf, start, end, hash(stored.buf, start, end), value);
      });
      // ...and looked up in other buffers: reversed (other offsets), with and without room after.
      for (const padding of [0, 16]) {
        const reversed = [...list].reverse();
        const other = layout(reversed, padding);
        other.ranges.forEach(([start, end], k) => {
          const expected = list.length - 1 - k;
          expect(index.find(other.buf, start, end, hash(other.buf, start, end))).toBe(expected);
        });
      }
      const missing = encoder.encode('xxxxxxxxxxxxz');
      expect(index.find(missing, 0, missing.length, hash(missing, 0, missing.length))).toBe(-1);
      const prefix = encoder.encode('xxxa');
      expect(index.find(prefix, 0, 3, hash(prefix, 0, 3))).toBe(list.indexOf('xxx'));
    });
  }

  it('keeps every entry through many growths', () => {
    const index = new ByteTextIndex();
    const count = 50_000;
    const buf = encoder.encode(Array.from({ length: count }, (_, i) => `v${i * 7919}`).join(','));
    const ranges: [number, number][] = [];
    let start = 0;
    for (let i = 0; i <= buf.length; i++) {
      if (i === buf.length || buf[i] === 44) {
        ranges.push([start, i]);
        start = i + 1;
      }
    }
    ranges.forEach(([s, e], value) => index.add(buf, s, e, fnv(buf, s, e), value));
    ranges.forEach(([s, e], value) => expect(index.find(buf, s, e, fnv(buf, s, e))).toBe(value));
  });
});
