import type { GroupTarget, MeasureEvaluator } from '../aggregate/MeasureEvaluator.js';
import { CHART_FUNCTIONS } from '../expression/chartFunctions.js';
import type { Expr } from '../expression/Expr.js';
import type { Value } from '../value/Value.js';
import { chartRows, type ChartRowsInput } from './chartRows.js';

/** Whether an expression reads other chart rows (Above, RowNo, Rank, ...). */
export function usesChartFunctions(expr: Expr): boolean {
  switch (expr.kind) {
    case 'call':
      return CHART_FUNCTIONS.has(expr.key) || expr.args.some(usesChartFunctions);
    case 'unary':
      return usesChartFunctions(expr.operand);
    case 'binary':
      return usesChartFunctions(expr.left) || usesChartFunctions(expr.right);
    default:
      return false;
  }
}

/**
 * Computes the measures that read other rows, once the chart's rows are
 * sorted: they see the groups laid out as `layout` says (segments, pivot
 * columns), and Column(n) sees the measures computed before them.
 */
export function evaluateChartFunctionMeasures(
  measures: MeasureEvaluator,
  exprs: readonly Expr[],
  values: Value[][],
  target: GroupTarget,
  layout: Omit<ChartRowsInput, 'index' | 'measure'>,
): void {
  const rows = chartRows({ ...layout, index: target.index, measure: (n) => values[n - 1] });
  const laidOut: GroupTarget = { ...target, rows };
  exprs.forEach((expr, m) => {
    if (usesChartFunctions(expr)) values[m] = measures.evaluate(expr, laidOut);
  });
}
