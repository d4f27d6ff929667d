// Group kernels over a computed vector (one number per frame row, NaN for
// null): the same sums, counts and extremes as groupedNumbers' kernels over
// fields, without the symbol and row indirections a field needs.
import { countVectorBlock, sumCountVectorBlock, sumVectorBlock } from '../parallel/blockLoops.js';
import { sumCountVectorByGroupRanges, sumsByGroupRanges } from '../parallel/groupRanges.js';
import { accumulator, reduceInBlocks, runsInBlocks } from '../parallel/inBlocks.js';

/** Per group, the sum of the numbers (0 where none). */
export function sumVectorByGroup(
  values: Float64Array,
  ofRow: Int32Array,
  groups: number,
): Float64Array {
  if (runsInBlocks(values.length))
    return reduceInBlocks(sumVectorBlock, [values, ofRow, accumulator(groups)], values.length)[0]!;
  const sums = new Float64Array(groups);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v) sums[ofRow[i]!]! += v;
  }
  return sums;
}

/** Per group, the mean of the numbers (NaN where none), sums and counts in one pass. */
export function averageVectorByGroup(
  values: Float64Array,
  ofRow: Int32Array,
  groups: number,
): Float64Array {
  let sums: Float64Array;
  let counts: Float64Array;
  if (sumsByGroupRanges(values.length, groups))
    ({ sums, counts } = sumCountVectorByGroupRanges(values, ofRow, groups));
  else if (runsInBlocks(values.length)) {
    const args = [values, ofRow, accumulator(groups), accumulator(groups, 0, 'count')];
    [sums, counts] = reduceInBlocks(sumCountVectorBlock, args, values.length) as [
      Float64Array,
      Float64Array,
    ];
  } else ({ sums, counts } = sumAndCount(values, ofRow, groups));
  for (let g = 0; g < groups; g++) sums[g] = counts[g]! > 0 ? sums[g]! / counts[g]! : NaN;
  return sums;
}

function sumAndCount(values: Float64Array, ofRow: Int32Array, groups: number) {
  if (groups === 1) return sumAndCountOne(values);
  const sums = new Float64Array(groups);
  const counts = new Float64Array(groups);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v) {
      const g = ofRow[i]!;
      sums[g]! += v;
      counts[g]!++;
    }
  }
  return { sums, counts };
}

// One group (a grand total's): the sum and count in locals, where a store per
// row into one slot would make each row wait for the last.
function sumAndCountOne(values: Float64Array) {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v) {
      sum += v;
      count++;
    }
  }
  return { sums: Float64Array.of(sum), counts: Float64Array.of(count) };
}

/** Per group, how many rows hold a number. */
export function countVectorByGroup(
  values: Float64Array,
  ofRow: Int32Array,
  groups: number,
): Float64Array {
  if (runsInBlocks(values.length))
    return reduceInBlocks(
      countVectorBlock,
      [values, ofRow, accumulator(groups, 0, 'count')],
      values.length,
    )[0]!;
  const counts = new Float64Array(groups);
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) counts[ofRow[i]!]!++;
  return counts;
}

/** Per group, the smallest (`sign` 1) or largest (`sign` -1) number, NaN where none. */
export function extremeVectorByGroup(
  values: Float64Array,
  ofRow: Int32Array,
  groups: number,
  sign: 1 | -1,
): Float64Array {
  const out = new Float64Array(groups).fill(NaN);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v) continue;
    const g = ofRow[i]!;
    const current = out[g]!;
    if (current !== current || sign * v < sign * current) out[g] = v;
  }
  return out;
}
