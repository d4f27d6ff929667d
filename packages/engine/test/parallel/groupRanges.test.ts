import { describe, expect, test } from 'vitest';
import {
  rangeStarts,
  sumCountVectorInRangeBlock,
  sumFieldInRangeBlock,
} from '../../src/parallel/groupRanges.js';

// Ids in the order of their first rows: 1,000 groups over 3,000 rows, each
// group first seen in row order, then seen again later.
function orderedIds(): Int32Array {
  const ids: number[] = [];
  for (let g = 0; g < 1000; g++) {
    ids.push(g);
    if (g % 3 === 0) ids.push(Math.floor(g / 2));
  }
  while (ids.length < 3000) ids.push((ids.length * 37) % 1000);
  return Int32Array.from(ids);
}

describe('group ranges', () => {
  test('rangeStarts gives every step-th group its first row', () => {
    const ofRow = orderedIds();
    const { starts, step } = rangeStarts(ofRow, 1000);
    expect(step).toBe(16);
    expect(starts.length).toBe(63);
    starts.forEach((row, k) => expect(row).toBe(ofRow.indexOf(k * step)));
  });

  test('ids out of first-row order, or groups no row has, start every range at row 0', () => {
    const shuffled = Int32Array.from([0, 2, 1, 3, 4, 5, 6, 7]);
    expect(Array.from(rangeStarts(shuffled, 8).starts)).toEqual(new Array(8).fill(0));
    const missing = Int32Array.from([0, 1, 2, 1, 0]);
    expect(Array.from(rangeStarts(missing, 6).starts)).toEqual(new Array(6).fill(0));
  });

  test('the range loops from their starts sum as one pass over every row does', () => {
    const ofRow = orderedIds();
    const nums = Float64Array.from({ length: 50 }, (_, s) => (s % 7 === 0 ? NaN : s / 3 + 0.1));
    const symbols = Int32Array.from({ length: 5000 }, (_, r) => (r * 13) % 50);
    const rows = Int32Array.from(ofRow, (_, i) => (i * 5) % 5000);
    const values = Float64Array.from(rows, (r) => nums[symbols[r]!]!);
    const expected = new Float64Array(1000);
    const counts = new Float64Array(1000);
    ofRow.forEach((g, i) => {
      const v = values[i]!;
      if (v === v) {
        expected[g]! += v;
        counts[g]!++;
      }
    });
    const { starts, step } = rangeStarts(ofRow, 1000);
    const sums = new Float64Array(1000);
    const vectorSums = new Float64Array(1000);
    const vectorCounts = new Float64Array(1000);
    for (let lo = 0; lo < 1000; lo += 90) {
      const hi = Math.min(1000, lo + 90);
      sumFieldInRangeBlock(lo, hi, nums, symbols, rows, ofRow, sums, starts, step);
      sumCountVectorInRangeBlock(lo, hi, values, ofRow, vectorSums, vectorCounts, starts, step);
    }
    expect(Array.from(sums)).toEqual(Array.from(expected));
    expect(Array.from(vectorSums)).toEqual(Array.from(expected));
    expect(Array.from(vectorCounts)).toEqual(Array.from(counts));
  });
});
