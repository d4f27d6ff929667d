import type { Expr } from './Expr.js';
import { parseExpressionAt } from './parseExpressionAt.js';
import { ExpressionError } from './ExpressionError.js';
import { positionOf } from './positionOf.js';

/**
 * Parses a whole text as one Qlik expression; anything left over is an
 * `EXPRESSION_SYNTAX` error.
 */
export function parseExpression(source: string): Expr {
  const { expr, end } = parseExpressionAt(source, 0);
  const rest = skipTrailingSpace(source, end);
  if (rest < source.length) {
    throw new ExpressionError(
      'EXPRESSION_SYNTAX',
      `Unexpected '${source.slice(rest, rest + 20)}' after the expression`,
      positionOf(source, rest),
    );
  }
  return expr;
}

function skipTrailingSpace(source: string, from: number): number {
  let i = from;
  while (i < source.length && /\s/.test(source[i])) i++;
  return i;
}
