// Sums into many groups (Aggr's inner groups: about one per row or two):
// blocked sums would keep, per block of rows, an accumulator as big as the
// groups and merge them all (16 blocks x 2 million groups at 10M rows).
// Instead each thread scans every row and adds only those of its own range
// of group ids, into one shared array: each group's sum is added in row
// order, the same as one pass on one thread, whatever the thread count.
import { blockCount, fillInBlocks, runsInBlocks } from './inBlocks.js';
import { rowArray } from './sharedArrays.js';

/** Whether per-group sums over `rows` rows into `groups` groups run by group ranges. */
export function sumsByGroupRanges(rows: number, groups: number): boolean {
  // The blocks' accumulators would hold more entries than there are rows.
  return runsInBlocks(rows) && groups * blockCount(rows) > rows;
}

/** Per group, the sum of a field's numbers (`nums[symbols[rows[i]]]`, NaN skipped), by group ranges. */
export function sumFieldByGroupRanges(
  nums: Float64Array,
  symbols: ArrayLike<number>,
  rows: Int32Array,
  ofRow: Int32Array,
  groups: number,
): Float64Array {
  const sums = rowArray(Float64Array, groups, rows.length);
  fillInBlocks(sumFieldInRangeBlock, [nums, symbols, rows, ofRow, sums], groups);
  return sums;
}

/** Per group, the sum and the count of a computed vector's numbers, by group ranges. */
export function sumCountVectorByGroupRanges(
  values: Float64Array,
  ofRow: Int32Array,
  groups: number,
): { sums: Float64Array; counts: Float64Array } {
  const sums = rowArray(Float64Array, groups, values.length);
  const counts = rowArray(Float64Array, groups, values.length);
  fillInBlocks(sumCountVectorInRangeBlock, [values, ofRow, sums, counts], groups);
  return { sums, counts };
}

// The loops take a range of group ids (lo..hi) and scan every row; each reads
// nothing outside itself (worker threads run their text).

/** Adds the field's numbers of the rows in groups lo..hi. */
export function sumFieldInRangeBlock(
  lo: number,
  hi: number,
  nums: Float64Array,
  symbols: ArrayLike<number>,
  rows: Int32Array,
  ofRow: Int32Array,
  sums: Float64Array,
): void {
  for (let i = 0; i < rows.length; i++) {
    const g = ofRow[i]!;
    if (g < lo || g >= hi) continue;
    const v = nums[symbols[rows[i]!]!]!;
    if (v === v) sums[g]! += v;
  }
}

/** Adds and counts the vector's numbers of the rows in groups lo..hi. */
export function sumCountVectorInRangeBlock(
  lo: number,
  hi: number,
  values: Float64Array,
  ofRow: Int32Array,
  sums: Float64Array,
  counts: Float64Array,
): void {
  for (let i = 0; i < values.length; i++) {
    const g = ofRow[i]!;
    if (g < lo || g >= hi) continue;
    const v = values[i]!;
    if (v === v) {
      sums[g]! += v;
      counts[g]!++;
    }
  }
}
