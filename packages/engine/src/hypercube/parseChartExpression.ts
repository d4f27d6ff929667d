import type { Expr } from '../expression/Expr.js';
import { parseExpression } from '../expression/parseExpression.js';

// A `*` right before `)` that follows `(`, a set expression or DISTINCT/TOTAL:
// the argument of Count(*), which the expression parser has no token for.
const COUNT_STAR = /([(}]|\bdistinct|\btotal)(\s*)\*(\s*\))/gi;

/**
 * Parses a chart expression (measure, calculated dimension, sort expression),
 * reading `Count(*)` as `Count()`, which counts the rows themselves.
 */
export function parseChartExpression(text: string): Expr {
  return parseExpression(text.replace(COUNT_STAR, '$1$2$3'));
}
