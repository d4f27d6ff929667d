import { compareValues } from '../../value/compareValues.js';
import { toText } from '../../value/toText.js';
import type { Value } from '../../value/Value.js';
import type { AggregationSpec } from './AggregationSpec.js';
import { constant, defineAggregation, row } from './defineAggregation.js';
import { numberOf } from './groupReaders.js';

/**
 * Concat(): the texts joined by the delimiter, in ascending sort weight when
 * weights are given (equal weights keep record order), else in Qlik's text
 * order (numbers first).
 */
function concat(values: readonly Value[], delimiter: string, weights?: readonly Value[]): Value {
  const items: { value: Value; weight: number; index: number }[] = [];
  values.forEach((value, index) => {
    if (value !== null) items.push({ value, weight: numberOf(weights?.[index] ?? null), index });
  });
  if (weights) items.sort((a, b) => compareWeights(a.weight, b.weight) || a.index - b.index);
  else items.sort((a, b) => compareValues(a.value, b.value));
  return items.map((item) => toText(item.value)).join(delimiter);
}

// Missing weights sort last.
function compareWeights(a: number, b: number): number {
  if (a !== a || b !== b) return a !== a ? (b !== b ? 0 : 1) : -1;
  return a - b;
}

/** The first (sign 1) or last (-1) value in Qlik's text order. */
function extremeString(values: readonly Value[], sign: 1 | -1): Value {
  let best: Value = null;
  for (const value of values) {
    if (value === null) continue;
    if (best === null || sign * compareValues(value, best) < 0) best = value;
  }
  return best;
}

/** String aggregation functions: Concat, MinString, MaxString. */
export const STRING_AGGREGATIONS: readonly AggregationSpec[] = [
  defineAggregation(
    'Concat',
    'string',
    [row('string'), constant('delimiter'), row('sort_weight', true)],
    ({ columns, constants }) => {
      const delimiter = constants[0];
      return concat(
        columns[0]!,
        delimiter === undefined || delimiter === null ? '' : toText(delimiter),
        columns[1],
      );
    },
    { empty: '' },
  ),
  defineAggregation(
    'MinString',
    'string',
    [row('expr')],
    ({ columns }) => extremeString(columns[0]!, 1),
    { distinct: false },
  ),
  defineAggregation(
    'MaxString',
    'string',
    [row('expr')],
    ({ columns }) => extremeString(columns[0]!, -1),
    { distinct: false },
  ),
];
