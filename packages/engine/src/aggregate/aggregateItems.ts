import type { AggregationSpec } from '../expression/aggregations/AggregationSpec.js';
import { reduceRecords } from '../expression/aggregations/reduceRecords.js';
import type { Value } from '../value/Value.js';
import { argumentValues } from './argumentValues.js';
import {
  countDistinctByGroup,
  countNumbersByGroup,
  countRowsByGroup,
  countValuesByGroup,
  maxByGroup,
  minByGroup,
  sumByGroup,
} from './groupedNumbers.js';
import {
  averageVectorByGroup,
  countVectorByGroup,
  extremeVectorByGroup,
  sumVectorByGroup,
} from './groupedVector.js';
import { runsInBlocks } from '../parallel/inBlocks.js';
import type { NumericInput } from './NumericInput.js';
import type { RowArgument } from './RowArgument.js';
import { toValues } from './numberedValues.js';
import { fusedAggregates } from './fusedAggregates.js';
import { sumsByGroupRanges } from '../parallel/groupRanges.js';

/** One aggregation call over items: its spec and its evaluated arguments. */
export interface AggregationOptions {
  readonly spec: AggregationSpec;
  readonly distinct: boolean;
  /** The row arguments, in parameter order, each with one entry per item; the first is the main one. */
  readonly rows: readonly RowArgument[];
  /** The constant arguments, in parameter order; undefined where not given. */
  readonly constants: readonly (Value | undefined)[];
}

/**
 * Aggregates items into groups: item i belongs to group `ofItem[i]`. When
 * the spec names a columnar kernel and the call allows it, a field or a
 * computed number vector runs through that kernel; everything else collects
 * each group's values for the spec's kernel.
 */
export function aggregateItems(
  options: AggregationOptions,
  ofItem: Int32Array,
  groups: number,
): Value[] {
  const nums = aggregateNumbers(options, ofItem, groups);
  return nums ? toValues(nums) : aggregateByGroup(options, ofItem, groups);
}

/**
 * The columnar-kernel answer of `aggregateItems` as numbers (NaN for null),
 * or undefined when the call needs the general path.
 */
export function aggregateNumbers(
  { spec, distinct, rows, constants }: AggregationOptions,
  ofItem: Int32Array,
  groups: number,
): Float64Array | undefined {
  const kernel = spec.columnar;
  const arg = rows[0];
  if (!kernel || !arg || rows.length > 1) return undefined;
  if (!constants.every((value) => value === undefined || value === null || value === 1))
    return undefined;
  if (kernel === 'count') return countFast(arg, distinct, ofItem, groups);
  if (distinct) return undefined;
  if (arg.kind === 'numbers') return vectorFast(kernel, arg.values, ofItem, groups);
  if (arg.kind === 'computed')
    return manyGroups(ofItem.length, groups)
      ? vectorFast(kernel, arg.kernel.run(), ofItem, groups)
      : arg.kernel.reduce(kernel, { kind: 'ids', ofRow: ofItem, count: groups });
  const input = numericInput(arg);
  if (!input) return undefined;
  switch (kernel) {
    case 'sum':
      return sumByGroup(input, ofItem, groups);
    case 'min':
      return minByGroup(input, ofItem, groups);
    case 'max':
      return maxByGroup(input, ofItem, groups);
    case 'avg': {
      if (sumsByGroupRanges(input.rows.length, groups)) {
        const sums = sumByGroup(input, ofItem, groups);
        const counts = countNumbersByGroup(input, ofItem, groups);
        for (let g = 0; g < groups; g++) sums[g] = counts[g]! > 0 ? sums[g]! / counts[g]! : NaN;
        return sums;
      }
      // Sums and counts in one pass over the rows (in the same blocks as sumByGroup's).
      const { symbols: codes, nums, rows } = input;
      if (groups === 1 && !runsInBlocks(rows.length)) return Float64Array.of(averageOf(input));
      const avg = { op: 'avg' as const, codes, nums, nullCode: nums.length - 1 };
      return fusedAggregates([avg], rows, { kind: 'ids', ofRow: ofItem, count: groups })[0]!;
    }
  }
}

function numericInput(arg: RowArgument): NumericInput | undefined {
  if (arg.kind === 'field')
    return { nums: arg.nums, symbols: arg.source.codes, rows: arg.source.rows };
  return undefined;
}

// About a group per few rows (Aggr's inner groups): a fused pass would keep an
// accumulator as big as the groups per row block; the vector kernels are
// where sums into that many groups are split over threads.
function manyGroups(rows: number, groups: number): boolean {
  return runsInBlocks(rows) && groups * 16 > rows;
}

// A computed vector (a column kernel's output) is read directly, row by row.
function vectorFast(
  kernel: 'sum' | 'min' | 'max' | 'avg',
  values: Float64Array,
  ofItem: Int32Array,
  groups: number,
): Float64Array {
  switch (kernel) {
    case 'sum':
      return sumVectorByGroup(values, ofItem, groups);
    case 'min':
      return extremeVectorByGroup(values, ofItem, groups, 1);
    case 'max':
      return extremeVectorByGroup(values, ofItem, groups, -1);
    case 'avg':
      return averageVectorByGroup(values, ofItem, groups);
  }
}

function countFast(
  arg: RowArgument,
  distinct: boolean,
  ofItem: Int32Array,
  groups: number,
): Float64Array | undefined {
  if (arg.kind === 'star') return countRowsByGroup(ofItem, groups);
  // A computed number per item (NaN for NULL): the non-null ones count.
  if (arg.kind === 'numbers' && !distinct) return countVectorByGroup(arg.values, ofItem, groups);
  if (arg.kind === 'computed' && !distinct)
    return arg.kernel.reduce('count', { kind: 'ids', ofRow: ofItem, count: groups });
  if (arg.kind !== 'field') return undefined;
  const { field, codes, rows } = arg.source;
  if (distinct) return countDistinctByGroup(codes, rows, field.cardinality, ofItem, groups);
  return countValuesByGroup(codes, rows, field.cardinality, ofItem, groups);
}

function aggregateByGroup(
  { spec, distinct, rows, constants }: AggregationOptions,
  ofItem: Int32Array,
  groups: number,
): Value[] {
  const columns = rows.map(argumentValues);
  const { start, order } = itemsByGroup(ofItem, groups);
  const out: Value[] = new Array(groups);
  for (let g = 0; g < groups; g++) {
    const members = order.subarray(start[g]!, start[g + 1]!);
    const groupColumns = columns.map((column) => Array.from(members, (i) => column[i]!));
    out[g] = reduceRecords(spec, groupColumns, constants, distinct);
  }
  return out;
}

// Counting sort of item indexes by group: group g's items are
// order[start[g] .. start[g+1]).
function itemsByGroup(ofItem: Int32Array, groups: number) {
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < ofItem.length; i++) start[ofItem[i]! + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, groups);
  const order = new Int32Array(ofItem.length);
  for (let i = 0; i < ofItem.length; i++) order[fill[ofItem[i]!]!++] = i;
  return { start, order };
}

// One group's average in locals: a store per row into one slot would make each row wait for the last.
function averageOf({ nums, symbols, rows }: NumericInput): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = nums[symbols[rows[i]!]!]!;
    if (v === v) {
      sum += v;
      count++;
    }
  }
  return count > 0 ? sum / count : NaN;
}
