import type { AggregationSpec } from './AggregationSpec.js';
import { constant, defineAggregation, row } from './defineAggregation.js';
import { BASIC_AGGREGATIONS } from './basicAggregations.js';

const only = BASIC_AGGREGATIONS.find((spec) => spec.key === 'ONLY')!;

/**
 * Aggr(expr, dim {, dim}): the nested aggregation of charts. The chart engine
 * builds its virtual table; where one value is wanted of it, Aggr behaves
 * as Only() of that table.
 */
export const NESTED_AGGREGATIONS: readonly AggregationSpec[] = [
  defineAggregation('Aggr', 'nested', [row('expr'), constant('dimension', false)], only.reduce, {
    contexts: ['chart'],
    variadic: true,
    distinct: true,
  }),
];
