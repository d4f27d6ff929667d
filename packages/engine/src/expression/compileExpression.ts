import type { Expr } from './Expr.js';
import type { CompiledExpression } from './CompiledExpression.js';

/**
 * Compiles an expression tree into a closure tree, so that evaluating it for
 * a million rows walks no AST and looks up no function by name.
 */
export function compileExpression(expr: Expr): CompiledExpression {
  throw new Error(`compileExpression not implemented yet for ${expr.kind}`);
}
