import type { CallExpr, Expr } from '../expression/Expr.js';

/**
 * Whether the expression calls a function `test` accepts, not looking into
 * the arguments of calls `skip` accepts.
 */
export function hasCall(
  expr: Expr,
  test: (call: CallExpr) => boolean,
  skip?: (call: CallExpr) => boolean,
): boolean {
  switch (expr.kind) {
    case 'call':
      if (test(expr)) return true;
      return !skip?.(expr) && expr.args.some((arg) => hasCall(arg, test, skip));
    case 'unary':
      return hasCall(expr.operand, test, skip);
    case 'binary':
      return hasCall(expr.left, test, skip) || hasCall(expr.right, test, skip);
    default:
      return false;
  }
}
