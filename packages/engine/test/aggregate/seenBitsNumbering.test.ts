import { describe, expect, test } from 'vitest';
import { GroupIndex } from '../../src/aggregate/GroupIndex.js';
import {
  SEEN_BITS_MIN_SPACE,
  numberTwoColumnsBySeenBits,
} from '../../src/aggregate/seenBitsNumbering.js';

// Two columns over the same frame rows: a small one and one with `big` symbols
// (a key space past SEEN_BITS_MIN_SPACE), the big one's symbol of table row r
// given by `bigOf`.
function columns(tableRows: number, frame: number[], bigOf: (r: number) => number) {
  const rows = Int32Array.from(frame);
  const small = Int32Array.from({ length: tableRows }, (_, r) => r % 21);
  const big = Int32Array.from({ length: tableRows }, (_, r) => bigOf(r));
  return [
    { symbols: small, rows, cardinality: 21 },
    { symbols: big, rows, cardinality: 100_000 },
  ];
}

// The ids by first appearance, worked out with a Map.
function expectedIds(cols: ReturnType<typeof columns>): number[] {
  const ids = new Map<string, number>();
  return Array.from(cols[0]!.rows, (r) => {
    const key = `${cols[0]!.symbols[r]},${cols[1]!.symbols[r]}`;
    if (!ids.has(key)) ids.set(key, ids.size);
    return ids.get(key)!;
  });
}

describe('numbering two columns by a bitmap of the codes seen', () => {
  const stride = 22;
  const space = 22 * 100_001;

  test('the key space of the bench shape takes this path', () => {
    expect(space).toBeGreaterThanOrEqual(SEEN_BITS_MIN_SPACE);
  });

  test('every row its own group: ids in row order', () => {
    const frame = Array.from({ length: 5000 }, (_, i) => i * 3);
    const cols = columns(15_000, frame, (r) => (r * 7919) % 100_000);
    const ofRow = new Int32Array(frame.length);
    const count = numberTwoColumnsBySeenBits(cols[0]!, cols[1]!, stride, space, ofRow);
    expect(count).toBe(5000);
    expect(Array.from(ofRow)).toEqual(expectedIds(cols));
  });

  test('a few repeats (nulls included) read the ids of their groups first rows', () => {
    // Table rows 0..9999, the frame visits 4000 of them and then 300 again (out of order).
    const frame = Array.from({ length: 4000 }, (_, i) => i * 2);
    for (let j = 0; j < 300; j++) frame.push(((j * 37) % 4000) * 2);
    const cols = columns(10_000, frame, (r) => (r % 97 === 0 ? 100_000 : (r * 7919) % 100_000));
    const ofRow = new Int32Array(frame.length);
    const count = numberTwoColumnsBySeenBits(cols[0]!, cols[1]!, stride, space, ofRow);
    const expected = expectedIds(cols);
    expect(count).toBe(new Set(expected).size);
    expect(Array.from(ofRow)).toEqual(expected);
  });

  test('more than 40% of the rows repeating gives up (undefined) and GroupIndex numbers through the table', () => {
    // Each pair occurs 4 times.
    const frame = Array.from({ length: 8000 }, (_, i) => i % 2000);
    const cols = columns(2000, frame, (r) => (r * 13) % 100_000);
    const ofRow = new Int32Array(frame.length);
    expect(numberTwoColumnsBySeenBits(cols[0]!, cols[1]!, stride, space, ofRow)).toBeUndefined();
    const index = GroupIndex.build(cols, frame.length);
    expect(index.count).toBe(2000);
    expect(Array.from(index.ofRow)).toEqual(expectedIds(cols));
  });

  test('GroupIndex.build on a big key space gives the same groups, keys and lookups', () => {
    const frame = Array.from({ length: 3000 }, (_, i) => (i * 5) % 9000);
    frame.push(0, 5, 10);
    const cols = columns(9000, frame, (r) => (r * 7919) % 100_000);
    const index = GroupIndex.build(cols, frame.length);
    expect(Array.from(index.ofRow)).toEqual(expectedIds(cols));
    const g = index.ofRow[1]!;
    const r = frame[1]!;
    expect(index.keys[0]![g]).toBe(cols[0]!.symbols[r]);
    expect(index.keys[1]![g]).toBe(cols[1]!.symbols[r]);
    expect(index.find([cols[0]!.symbols[r]!, cols[1]!.symbols[r]!])).toBe(g);
  });
});
