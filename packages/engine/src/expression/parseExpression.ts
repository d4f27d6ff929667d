import type { Expr } from './Expr.js';
import { parseExpressionAt } from './parseExpressionAt.js';
import { ExpressionError } from './ExpressionError.js';
import { positionOf } from './positionOf.js';

/**
 * Parses a whole text as one Qlik expression; anything left over is an
 * `EXPRESSION_SYNTAX` error with its line and column.
 */
export function parseExpression(source: string): Expr {
  const { expr, end } = parseExpressionAt(source, 0);
  if (end < source.length) {
    throw new ExpressionError(
      'EXPRESSION_SYNTAX',
      `Unexpected '${source.slice(end, end + 20)}' after the expression`,
      positionOf(source, end),
    );
  }
  return expr;
}
