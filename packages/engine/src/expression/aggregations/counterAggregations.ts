import type { Value } from '../../value/Value.js';
import type { AggregationSpec } from './AggregationSpec.js';
import { defineAggregation, row } from './defineAggregation.js';
import { numberOf } from './groupReaders.js';

function countWhere(values: readonly Value[], test: (value: Value) => boolean): number {
  let n = 0;
  for (const value of values) if (test(value)) n++;
  return n;
}

const isNumeric = (value: Value): boolean => value !== null && numberOf(value) === numberOf(value);

/** Counter aggregation functions: Count, MissingCount, NullCount, NumericCount, TextCount. */
export const COUNTER_AGGREGATIONS: readonly AggregationSpec[] = [
  defineAggregation(
    'Count',
    'counter',
    [row('expr')],
    ({ columns }) => countWhere(columns[0]!, (value) => value !== null),
    { columnar: 'count', empty: 0, star: true },
  ),
  defineAggregation(
    'MissingCount',
    'counter',
    [row('expr')],
    ({ columns }) => countWhere(columns[0]!, (value) => !isNumeric(value)),
    { empty: 0 },
  ),
  defineAggregation(
    'NullCount',
    'counter',
    [row('expr')],
    ({ columns }) => countWhere(columns[0]!, (value) => value === null),
    { empty: 0 },
  ),
  defineAggregation(
    'NumericCount',
    'counter',
    [row('expr')],
    ({ columns }) => countWhere(columns[0]!, isNumeric),
    { empty: 0 },
  ),
  defineAggregation(
    'TextCount',
    'counter',
    [row('expr')],
    ({ columns }) => countWhere(columns[0]!, (value) => value !== null && !isNumeric(value)),
    { empty: 0 },
  ),
];
