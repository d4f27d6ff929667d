import { AggregateError } from './AggregateError.js';
import type { Value } from '../value/Value.js';
import { compareForText, numberOf, textOf, valueKey } from './valueParts.js';

/** Everything an aggregation of one group sees besides its main values. */
export interface AggregationInput {
  /** The main argument, one value per row of the group (null included). */
  readonly values: readonly Value[];
  /** Concat's and FirstSortedValue's sort weights, one per row, when given. */
  readonly weights?: readonly Value[];
  /** Concat's delimiter. */
  readonly delimiter?: string;
  /** Min/Max/FirstSortedValue rank (1 = first), or Fractile's fraction. */
  readonly parameter?: number;
  /** Whether Concat was given the literal sort weight 0 (no sorting). */
  readonly unsorted?: boolean;
}

/** An aggregation of the values of one group into one value. */
export type ValueAggregation = (input: AggregationInput) => Value;

/** Names (lower case) of the aggregation functions this engine computes. */
export const AGGREGATION_NAMES = [
  'sum',
  'count',
  'avg',
  'min',
  'max',
  'only',
  'concat',
  'minstring',
  'maxstring',
  'median',
  'mode',
  'stdev',
  'firstsortedvalue',
  'nullcount',
  'numericcount',
  'textcount',
  'missingcount',
  'fractile',
] as const;

/** One of the aggregation function names, lower case. */
export type AggregationName = (typeof AGGREGATION_NAMES)[number];

/** Whether `name` (any case) is an aggregation function. */
export function isAggregationName(name: string): boolean {
  return (AGGREGATION_NAMES as readonly string[]).includes(name.toLowerCase());
}

/** The aggregation function called `name` (any case). */
export function valueAggregation(name: string): ValueAggregation {
  const found = AGGREGATIONS[name.toLowerCase() as AggregationName];
  if (!found) throw new AggregateError('UNKNOWN_FUNCTION', `Unknown aggregation function ${name}`);
  return found;
}

/** Removes repeated values (by number, else text), keeping the first of each. */
export function distinctValues(values: readonly Value[]): Value[] {
  const seen = new Set<string | number>();
  const out: Value[] = [];
  for (const value of values) {
    if (value === null) continue;
    const key = valueKey(value);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(value);
    }
  }
  return out;
}

function numbers(values: readonly Value[]): number[] {
  const out: number[] = [];
  for (const value of values) {
    const num = numberOf(value);
    if (num === num) out.push(num);
  }
  return out;
}

function sum({ values }: AggregationInput): Value {
  let total = 0;
  for (const value of values) {
    const num = numberOf(value);
    if (num === num) total += num;
  }
  return total;
}

function count({ values }: AggregationInput): Value {
  let n = 0;
  for (const value of values) if (value !== null) n++;
  return n;
}

function avg({ values }: AggregationInput): Value {
  const nums = numbers(values);
  if (nums.length === 0) return null;
  let total = 0;
  for (const num of nums) total += num;
  return total / nums.length;
}

function nthSorted(values: readonly Value[], rank: number, descending: boolean): Value {
  const nums = numbers(values).sort((a, b) => (descending ? b - a : a - b));
  const index = Math.trunc(rank) - 1;
  return index >= 0 && index < nums.length ? nums[index]! : null;
}

function only({ values }: AggregationInput): Value {
  const distinct = distinctValues(values);
  return distinct.length === 1 ? distinct[0]! : null;
}

function concat({ values, weights, delimiter = '', unsorted }: AggregationInput): Value {
  const items: { text: string; weight: Value; value: Value }[] = [];
  values.forEach((value, i) => {
    if (value !== null) items.push({ text: textOf(value), weight: weights?.[i] ?? null, value });
  });
  if (!unsorted) {
    if (weights) items.sort((a, b) => numberOf(a.weight) - numberOf(b.weight));
    else items.sort((a, b) => compareForText(a.value, b.value));
  }
  return items.map((item) => item.text).join(delimiter);
}

function extremeString(values: readonly Value[], sign: 1 | -1): Value {
  let best: Value = null;
  for (const value of values) {
    if (value === null) continue;
    if (best === null || sign * compareForText(value, best) < 0) best = value;
  }
  return best;
}

function fractileOf(sorted: readonly number[], fraction: number): Value {
  if (sorted.length === 0 || !(fraction >= 0 && fraction <= 1)) return null;
  // Inclusive interpolation between the two nearest ranks.
  const position = fraction * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

function fractile({ values, parameter = 0.5 }: AggregationInput): Value {
  return fractileOf(
    numbers(values).sort((a, b) => a - b),
    parameter,
  );
}

function mode({ values }: AggregationInput): Value {
  const counts = new Map<string | number, { value: Value; n: number }>();
  for (const value of values) {
    if (value === null) continue;
    const key = valueKey(value);
    const entry = counts.get(key);
    if (entry) entry.n++;
    else counts.set(key, { value, n: 1 });
  }
  let best: Value = null;
  let bestN = 0;
  let tie = false;
  for (const { value, n } of counts.values()) {
    if (n > bestN) [best, bestN, tie] = [value, n, false];
    else if (n === bestN) tie = true;
  }
  return tie ? null : best;
}

function stdev({ values }: AggregationInput): Value {
  const nums = numbers(values);
  if (nums.length < 2) return null;
  let mean = 0;
  for (const num of nums) mean += num;
  mean /= nums.length;
  let squares = 0;
  for (const num of nums) squares += (num - mean) * (num - mean);
  return Math.sqrt(squares / (nums.length - 1));
}

function firstSortedValue({ values, weights, parameter = 1 }: AggregationInput): Value {
  if (!weights) throw new AggregateError('BAD_ARGUMENTS', 'FirstSortedValue needs a sort weight');
  const pairs: { value: Value; weight: number }[] = [];
  values.forEach((value, i) => {
    const weight = numberOf(weights[i] ?? null);
    if (weight === weight) pairs.push({ value, weight });
  });
  pairs.sort((a, b) => a.weight - b.weight);
  const index = Math.trunc(parameter) - 1;
  const picked = pairs[index];
  if (!picked) return null;
  const sameWeight = pairs.filter((pair) => pair.weight === picked.weight);
  const distinct = new Set(
    sameWeight.map((pair) => (pair.value === null ? null : valueKey(pair.value))),
  );
  return distinct.size === 1 ? picked.value : null;
}

function countWhere(values: readonly Value[], test: (value: Value) => boolean): Value {
  let n = 0;
  for (const value of values) if (test(value)) n++;
  return n;
}

const isNumeric = (value: Value) => value !== null && numberOf(value) === numberOf(value);

const AGGREGATIONS: Record<AggregationName, ValueAggregation> = {
  sum,
  count,
  avg,
  min: ({ values, parameter = 1 }) => nthSorted(values, parameter, false),
  max: ({ values, parameter = 1 }) => nthSorted(values, parameter, true),
  only,
  concat,
  minstring: ({ values }) => extremeString(values, 1),
  maxstring: ({ values }) => extremeString(values, -1),
  median: ({ values }) =>
    fractileOf(
      numbers(values).sort((a, b) => a - b),
      0.5,
    ),
  mode,
  stdev,
  firstsortedvalue: firstSortedValue,
  nullcount: ({ values }) => countWhere(values, (value) => value === null),
  numericcount: ({ values }) => countWhere(values, isNumeric),
  textcount: ({ values }) => countWhere(values, (value) => value !== null && !isNumeric(value)),
  missingcount: ({ values }) => countWhere(values, (value) => value === null || !isNumeric(value)),
  fractile,
};
