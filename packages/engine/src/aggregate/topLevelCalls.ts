import type { CallExpr, Expr } from '../expression/Expr.js';

/** The aggregation calls of an expression that are not inside another aggregation. */
export function topLevelCalls(expr: Expr): CallExpr[] {
  switch (expr.kind) {
    case 'call':
      return expr.aggregation ? [expr] : expr.args.flatMap(topLevelCalls);
    case 'unary':
      return topLevelCalls(expr.operand);
    case 'binary':
      return [...topLevelCalls(expr.left), ...topLevelCalls(expr.right)];
    default:
      return [];
  }
}
