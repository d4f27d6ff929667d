/**
 * Upper-cased names of the functions that aggregate over many rows. The
 * parser marks calls to them (`CallExpr.aggregation`); the chart engine
 * computes them, and the row evaluator hands them to `EvalContext.aggregate`.
 */
export const AGGREGATION_FUNCTIONS: ReadonlySet<string> = new Set([
  'SUM',
  'COUNT',
  'AVG',
  'MIN',
  'MAX',
  'ONLY',
  'CONCAT',
  'MINSTRING',
  'MAXSTRING',
  'MEDIAN',
  'MODE',
  'STDEV',
  'STERR',
  'FIRSTSORTEDVALUE',
  'NULLCOUNT',
  'MISSINGCOUNT',
  'NUMERICCOUNT',
  'TEXTCOUNT',
  'FRACTILE',
  'FRACTILEEXC',
  'AGGR',
  'RANK',
  'HRANK',
  'FIRSTVALUE',
  'LASTVALUE',
  'SKEW',
  'KURTOSIS',
  'CORREL',
  'SUMPRODUCT',
]);

/** True when the upper-cased function name is an aggregation. */
export function isAggregationFunction(key: string): boolean {
  return AGGREGATION_FUNCTIONS.has(key);
}
