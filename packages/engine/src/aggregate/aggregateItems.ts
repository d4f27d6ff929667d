import type { Value } from '../value/Value.js';
import { type AggregationInput, distinctValues, valueAggregation } from './aggregateValues.js';
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
import { identityRows, type NumericInput } from './NumericInput.js';
import type { RowArgument } from './RowArgument.js';

/** How one aggregation call is applied, besides its main argument. */
export interface AggregationOptions {
  /** Lower-case function name, e.g. `sum`. */
  readonly name: string;
  readonly distinct: boolean;
  /** Sort weights (Concat, FirstSortedValue), one per item. */
  readonly weights?: RowArgument;
  readonly delimiter?: string;
  /** Rank (Min, Max, FirstSortedValue) or fraction (Fractile). */
  readonly parameter?: number;
  /** Concat with the literal sort weight 0. */
  readonly unsorted?: boolean;
}

/**
 * Aggregates an argument's items into groups: item i belongs to group
 * `ofItem[i]`. Common numeric aggregations of a field or a computed vector
 * run as columnar kernels; everything else collects each group's values.
 */
export function aggregateItems(
  arg: RowArgument,
  options: AggregationOptions,
  ofItem: Int32Array,
  groups: number,
): Value[] {
  const fast = aggregateFast(arg, options, ofItem, groups);
  if (fast) return fast;
  return aggregateByGroup(arg, options, ofItem, groups);
}

function numericInput(arg: RowArgument): NumericInput | undefined {
  if (arg.kind === 'field')
    return { nums: arg.nums, symbols: arg.source.codes, rows: arg.source.rows };
  if (arg.kind === 'numbers') {
    const identity = identityRows(arg.values.length);
    return { nums: arg.values, symbols: identity, rows: identity };
  }
  return undefined;
}

function aggregateFast(
  arg: RowArgument,
  options: AggregationOptions,
  ofItem: Int32Array,
  groups: number,
): Value[] | undefined {
  const { name, distinct, parameter } = options;
  if (parameter !== undefined && parameter !== 1) return undefined;
  if (name === 'count') return countFast(arg, distinct, ofItem, groups);
  if (distinct) return undefined;
  const input = numericInput(arg);
  if (!input) return undefined;
  switch (name) {
    case 'sum':
      return toValues(sumByGroup(input, ofItem, groups));
    case 'min':
      return toValues(minByGroup(input, ofItem, groups));
    case 'max':
      return toValues(maxByGroup(input, ofItem, groups));
    case 'avg': {
      const sums = sumByGroup(input, ofItem, groups);
      const counts = countNumbersByGroup(input, ofItem, groups);
      for (let g = 0; g < groups; g++) sums[g] = counts[g]! > 0 ? sums[g]! / counts[g]! : NaN;
      return toValues(sums);
    }
    default:
      return undefined;
  }
}

function countFast(
  arg: RowArgument,
  distinct: boolean,
  ofItem: Int32Array,
  groups: number,
): Value[] | undefined {
  if (arg.kind === 'star') return toValues(countRowsByGroup(ofItem, groups));
  if (arg.kind !== 'field') return undefined;
  const { field, codes, rows } = arg.source;
  if (distinct)
    return toValues(countDistinctByGroup(codes, rows, field.cardinality, ofItem, groups));
  return toValues(countValuesByGroup(codes, rows, field.cardinality, ofItem, groups));
}

/** Per-group numbers as values, NaN becoming null. */
export function toValues(nums: Float64Array): Value[] {
  const out: Value[] = new Array(nums.length);
  for (let g = 0; g < nums.length; g++) out[g] = nums[g] === nums[g] ? nums[g]! : null;
  return out;
}

function aggregateByGroup(
  arg: RowArgument,
  options: AggregationOptions,
  ofItem: Int32Array,
  groups: number,
): Value[] {
  const aggregate = valueAggregation(options.name);
  const values = argumentValues(arg);
  const weights = options.weights ? argumentValues(options.weights) : undefined;
  const { start, order } = itemsByGroup(ofItem, groups);
  const out: Value[] = new Array(groups);
  for (let g = 0; g < groups; g++) {
    const members = order.subarray(start[g]!, start[g + 1]!);
    let groupValues = Array.from(members, (i) => values[i]);
    let groupWeights = weights && Array.from(members, (i) => weights[i]);
    if (options.distinct && !weights) groupValues = distinctValues(groupValues);
    else if (options.distinct && weights)
      [groupValues, groupWeights] = distinctPairs(groupValues, groupWeights!);
    const input: AggregationInput = {
      values: groupValues,
      weights: groupWeights,
      delimiter: options.delimiter,
      parameter: options.parameter,
      unsorted: options.unsorted,
    };
    out[g] = aggregate(input);
  }
  return out;
}

function distinctPairs(values: Value[], weights: Value[]): [Value[], Value[]] {
  const seen = new Set<string>();
  const keptValues: Value[] = [];
  const keptWeights: Value[] = [];
  values.forEach((value, i) => {
    const key = JSON.stringify([value, weights[i]]);
    if (seen.has(key)) return;
    seen.add(key);
    keptValues.push(value);
    keptWeights.push(weights[i]);
  });
  return [keptValues, keptWeights];
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
