import type { Value } from '../../value/Value.js';
import type { AggregationSpec } from './AggregationSpec.js';
import { constant, defineAggregation, row } from './defineAggregation.js';
import { constantNumber, numberOf, numbersOf, valueKey } from './groupReaders.js';

/** The n-th smallest (ascending) or largest number, rank 1 being the extreme. */
function ranked(values: readonly Value[], rank: number, descending: boolean): Value {
  const nums = numbersOf(values).sort();
  const index = Math.trunc(rank) - 1;
  if (!(index >= 0 && index < nums.length)) return null;
  return descending ? nums[nums.length - 1 - index]! : nums[index]!;
}

function sum(values: readonly Value[]): Value {
  let total = 0;
  for (const value of values) {
    const num = numberOf(value);
    if (num === num) total += num;
  }
  return total;
}

/** The most frequent non-null value; NULL when several share the highest count. */
function mode(values: readonly Value[]): Value {
  const counts = new Map<string | number, { value: Value; n: number }>();
  for (const value of values) {
    if (value === null) continue;
    const key = valueKey(value);
    const entry = counts.get(key);
    if (entry) entry.n++;
    else counts.set(key, { value, n: 1 });
  }
  let best: Value = null;
  let bestCount = 0;
  let tie = false;
  for (const { value, n } of counts.values()) {
    if (n > bestCount) [best, bestCount, tie] = [value, n, false];
    else if (n === bestCount) tie = true;
  }
  return tie ? null : best;
}

/** The one distinct non-null value, or NULL when there are none or several. */
function only(values: readonly Value[]): Value {
  let found: Value = null;
  let key: string | number | undefined;
  for (const value of values) {
    if (value === null) continue;
    const k = valueKey(value);
    if (key === undefined) [found, key] = [value, k];
    else if (k !== key) return null;
  }
  return found;
}

/**
 * The value whose sort weight ranks `rank` (1 = lowest weight; a negative
 * rank counts from the highest). NULL when the weight at that rank is shared
 * by different values.
 */
function firstSortedValue(
  values: readonly Value[],
  weights: readonly Value[],
  rank: number,
): Value {
  const pairs: { value: Value; weight: number }[] = [];
  values.forEach((value, i) => {
    const weight = numberOf(weights[i] ?? null);
    if (weight === weight) pairs.push({ value, weight });
  });
  pairs.sort((a, b) => a.weight - b.weight);
  const r = Math.trunc(rank);
  const picked = r > 0 ? pairs[r - 1] : r < 0 ? pairs[pairs.length + r] : undefined;
  if (!picked) return null;
  let key: string | number | null | undefined;
  for (const pair of pairs) {
    if (pair.weight !== picked.weight) continue;
    const k = pair.value === null ? null : valueKey(pair.value);
    if (key === undefined) key = k;
    else if (k !== key) return null;
  }
  return picked.value;
}

/** The first (or last) non-null value in record order. */
function firstPresent(values: readonly Value[], fromEnd: boolean): Value {
  if (fromEnd) {
    for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return values[i]!;
    return null;
  }
  for (const value of values) if (value !== null) return value;
  return null;
}

/** Basic aggregation functions: Sum, Min, Max, Mode, Only, FirstSortedValue; FirstValue and LastValue in scripts. */
export const BASIC_AGGREGATIONS: readonly AggregationSpec[] = [
  defineAggregation('Sum', 'basic', [row('expr')], ({ columns }) => sum(columns[0]!), {
    columnar: 'sum',
    empty: 0,
  }),
  defineAggregation(
    'Min',
    'basic',
    [row('expr'), constant('rank')],
    ({ columns, constants }) => ranked(columns[0]!, constantNumber(constants[0], 1), false),
    { columnar: 'min', distinct: false },
  ),
  defineAggregation(
    'Max',
    'basic',
    [row('expr'), constant('rank')],
    ({ columns, constants }) => ranked(columns[0]!, constantNumber(constants[0], 1), true),
    { columnar: 'max', distinct: false },
  ),
  defineAggregation('Mode', 'basic', [row('expr')], ({ columns }) => mode(columns[0]!), {
    distinct: false,
  }),
  defineAggregation('Only', 'basic', [row('expr')], ({ columns }) => only(columns[0]!), {
    distinct: false,
  }),
  defineAggregation(
    'FirstSortedValue',
    'basic',
    [row('value'), row('sort_weight'), constant('rank')],
    ({ columns, constants }) =>
      firstSortedValue(columns[0]!, columns[1]!, constantNumber(constants[0], 1)),
  ),
  defineAggregation(
    'FirstValue',
    'script',
    [row('expr')],
    ({ columns }) => firstPresent(columns[0]!, false),
    { distinct: false, contexts: ['script'] },
  ),
  defineAggregation(
    'LastValue',
    'script',
    [row('expr')],
    ({ columns }) => firstPresent(columns[0]!, true),
    { distinct: false, contexts: ['script'] },
  ),
];
