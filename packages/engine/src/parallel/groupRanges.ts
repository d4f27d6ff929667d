// Sums into many groups (Aggr's inner groups: about one per row or two):
// blocked sums would keep, per block of rows, an accumulator as big as the
// groups and merge them all (16 blocks x 2 million groups at 10M rows).
// Instead each thread scans every row and adds only those of its own range
// of group ids, into one shared array: each group's sum is added in row
// order, the same as one pass on one thread, whatever the thread count.
// Group ids are numbered in the order of their first rows, so no row before
// the first row of group lo is in lo..hi: a range's scan starts there (from
// `starts`, below), about half the rows of all the ranges' scans together.
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
  const { starts, step } = rangeStarts(ofRow, groups);
  fillInBlocks(sumFieldInRangeBlock, [nums, symbols, rows, ofRow, sums, starts, step], groups);
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
  const { starts, step } = rangeStarts(ofRow, groups);
  fillInBlocks(sumCountVectorInRangeBlock, [values, ofRow, sums, counts, starts, step], groups);
  return { sums, counts };
}

// Sampled first rows: this many per grouping (a range starts at the sample at or below its lo).
const STARTS = 64;

/**
 * The first row of every `step`-th group (starts[k]: group k * step), where
 * the rows' ids are in the order of their first rows; all 0 (every scan from
 * the first row) where they are not, so a caller's other `ofRow` stays right.
 */
export function rangeStarts(
  ofRow: Int32Array,
  groups: number,
): { starts: Int32Array; step: number } {
  const step = Math.max(1, Math.ceil(groups / STARTS));
  const starts = new Int32Array(Math.ceil(groups / step));
  let next = 1;
  let seen = -1;
  for (let i = 0; i < ofRow.length && next < starts.length; i++) {
    const g = ofRow[i]!;
    if (g > seen + 1) return { starts: starts.fill(0), step };
    if (g <= seen) continue;
    seen = g;
    if (g === next * step) starts[next++] = i;
  }
  // A sampled group no row belongs to (groups added without rows): every scan from the first row.
  return next === starts.length ? { starts, step } : { starts: starts.fill(0), step };
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
  starts: Int32Array,
  step: number,
): void {
  for (let i = starts[Math.floor(lo / step)]!; i < rows.length; i++) {
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
  starts: Int32Array,
  step: number,
): void {
  for (let i = starts[Math.floor(lo / step)]!; i < values.length; i++) {
    const g = ofRow[i]!;
    if (g < lo || g >= hi) continue;
    const v = values[i]!;
    if (v === v) {
      sums[g]! += v;
      counts[g]!++;
    }
  }
}
