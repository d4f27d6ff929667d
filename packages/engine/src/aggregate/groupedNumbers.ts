import {
  countFieldNumbersBlock,
  countRowsBlock,
  countValuesBlock,
  sumFieldBlock,
} from '../parallel/blockLoops.js';
import { sumFieldByGroupRanges, sumsByGroupRanges } from '../parallel/groupRanges.js';
import { accumulator, reduceInBlocks, runsInBlocks } from '../parallel/inBlocks.js';
import type { NumericInput } from './NumericInput.js';

// Columnar kernels: one pass over the frame rows, accumulators in typed arrays
// indexed by group id, no allocation per row. NaN (null or text) is skipped.

/** Per group, the sum of the numbers (0 when there are none, as Qlik's Sum). */
export function sumByGroup(input: NumericInput, ofRow: Int32Array, groups: number): Float64Array {
  const { nums, symbols, rows } = input;
  if (sumsByGroupRanges(rows.length, groups))
    return sumFieldByGroupRanges(nums, symbols, rows, ofRow, groups);
  if (runsInBlocks(rows.length)) {
    const args = [nums, symbols, rows, ofRow, accumulator(groups)];
    return reduceInBlocks(sumFieldBlock, args, rows.length)[0]!;
  }
  const sums = new Float64Array(groups);
  for (let i = 0; i < rows.length; i++) {
    const v = nums[symbols[rows[i]!]!]!;
    if (v === v) sums[ofRow[i]!]! += v;
  }
  return sums;
}

/** Per group, how many rows hold a number. */
export function countNumbersByGroup(
  input: NumericInput,
  ofRow: Int32Array,
  groups: number,
): Float64Array {
  const { nums, symbols, rows } = input;
  if (runsInBlocks(rows.length)) {
    const args = [nums, symbols, rows, ofRow, accumulator(groups, 0, 'count')];
    return reduceInBlocks(countFieldNumbersBlock, args, rows.length)[0]!;
  }
  const counts = new Float64Array(groups);
  for (let i = 0; i < rows.length; i++) {
    const v = nums[symbols[rows[i]!]!]!;
    if (v === v) counts[ofRow[i]!]!++;
  }
  return counts;
}

/** Per group, how many rows hold a non-null value (text or number); codes >= `nullCode` are null. */
export function countValuesByGroup(
  symbols: ArrayLike<number>,
  rows: Int32Array,
  nullCode: number,
  ofRow: Int32Array,
  groups: number,
): Float64Array {
  if (runsInBlocks(rows.length)) {
    const args = [symbols, rows, nullCode, ofRow, accumulator(groups, 0, 'count')];
    return reduceInBlocks(countValuesBlock, args, rows.length)[0]!;
  }
  const counts = new Float64Array(groups);
  for (let i = 0; i < rows.length; i++) if (symbols[rows[i]!]! < nullCode) counts[ofRow[i]!]!++;
  return counts;
}

/** Per group, how many rows there are. */
export function countRowsByGroup(ofRow: Int32Array, groups: number): Float64Array {
  if (runsInBlocks(ofRow.length))
    return reduceInBlocks(
      countRowsBlock,
      [ofRow, accumulator(groups, 0, 'count')],
      ofRow.length,
    )[0]!;
  const counts = new Float64Array(groups);
  for (let i = 0; i < ofRow.length; i++) counts[ofRow[i]!]!++;
  return counts;
}

/** Per group, the smallest number (NaN when there is none). */
export function minByGroup(input: NumericInput, ofRow: Int32Array, groups: number): Float64Array {
  const { nums, symbols, rows } = input;
  const mins = new Float64Array(groups).fill(Infinity);
  const seen = new Uint8Array(groups);
  for (let i = 0; i < rows.length; i++) {
    const v = nums[symbols[rows[i]!]!]!;
    const g = ofRow[i]!;
    if (v < mins[g]!) mins[g] = v;
    if (v === v) seen[g] = 1;
  }
  return markEmpty(mins, seen);
}

/** Per group, the largest number (NaN when there is none). */
export function maxByGroup(input: NumericInput, ofRow: Int32Array, groups: number): Float64Array {
  const { nums, symbols, rows } = input;
  const maxs = new Float64Array(groups).fill(-Infinity);
  const seen = new Uint8Array(groups);
  for (let i = 0; i < rows.length; i++) {
    const v = nums[symbols[rows[i]!]!]!;
    const g = ofRow[i]!;
    if (v > maxs[g]!) maxs[g] = v;
    if (v === v) seen[g] = 1;
  }
  return markEmpty(maxs, seen);
}

function markEmpty(values: Float64Array, seen: Uint8Array): Float64Array {
  for (let g = 0; g < values.length; g++) if (!seen[g]) values[g] = NaN;
  return values;
}

/**
 * Per group, how many distinct non-null symbols occur; codes >= `cardinality`
 * are null; a dense bitmap is used when groups x symbols is small.
 */
export function countDistinctByGroup(
  symbols: ArrayLike<number>,
  rows: Int32Array,
  cardinality: number,
  ofRow: Int32Array,
  groups: number,
): Float64Array {
  const counts = new Float64Array(groups);
  const space = groups * cardinality;
  if (space <= 1 << 24) {
    const seen = new Uint8Array(space);
    for (let i = 0; i < rows.length; i++) {
      const s = symbols[rows[i]!]!;
      if (s >= cardinality) continue;
      const g = ofRow[i]!;
      const key = g * cardinality + s;
      if (seen[key] === 0) {
        seen[key] = 1;
        counts[g]!++;
      }
    }
    return counts;
  }
  const seen = new Set<number>();
  for (let i = 0; i < rows.length; i++) {
    const s = symbols[rows[i]!]!;
    if (s >= cardinality) continue;
    const g = ofRow[i]!;
    const key = g * cardinality + s;
    if (!seen.has(key)) {
      seen.add(key);
      counts[g]!++;
    }
  }
  return counts;
}
