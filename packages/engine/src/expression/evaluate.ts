import type { Value } from '../value/Value.js';
import type { EvalContext } from './EvalContext.js';
import type { Expr } from './Expr.js';
import { compileExpression } from './compileExpression.js';

/** Evaluates an expression once in a context; for many rows compile it once with `compileExpression`. */
export function evaluate(expr: Expr, ctx: EvalContext): Value {
  return compileExpression(expr)(ctx);
}
