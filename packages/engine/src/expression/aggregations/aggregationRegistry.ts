import type { AggregationSpec } from './AggregationSpec.js';
import { BASIC_AGGREGATIONS } from './basicAggregations.js';
import { COUNTER_AGGREGATIONS } from './counterAggregations.js';
import { FINANCIAL_AGGREGATIONS } from './financialAggregations.js';
import { NESTED_AGGREGATIONS } from './nestedAggregations.js';
import { STATISTICAL_AGGREGATIONS } from './statisticalAggregations.js';
import { STATISTICAL_TEST_AGGREGATIONS } from './statisticalTestAggregations.js';
import { STRING_AGGREGATIONS } from './stringAggregations.js';

/**
 * Every aggregation function, keyed by upper-cased name: the one registry
 * the parser (which calls are aggregations), the chart engine, LOAD ... GROUP
 * BY, GetBNF and GetFunctions read.
 */
export const AGGREGATIONS: ReadonlyMap<string, AggregationSpec> = new Map(
  [
    ...BASIC_AGGREGATIONS,
    ...COUNTER_AGGREGATIONS,
    ...STATISTICAL_AGGREGATIONS,
    ...STATISTICAL_TEST_AGGREGATIONS,
    ...FINANCIAL_AGGREGATIONS,
    ...STRING_AGGREGATIONS,
    ...NESTED_AGGREGATIONS,
  ].map((spec) => [spec.key, spec]),
);

/** The aggregation called `key` (upper case), if there is one. */
export function aggregationOf(key: string): AggregationSpec | undefined {
  return AGGREGATIONS.get(key);
}

/** True when the upper-cased function name is an aggregation. */
export function isAggregationFunction(key: string): boolean {
  return AGGREGATIONS.has(key);
}
