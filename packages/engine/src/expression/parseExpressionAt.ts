import type { ParseResult } from './ParseResult.js';
import { ExpressionError } from './ExpressionError.js';
import { positionOf } from './positionOf.js';

/**
 * Parses one expression starting at `pos` in `source` and stops before the
 * first token that cannot continue it (`,`, `AS`, `FROM`, `;`, `)` at depth 0,
 * `WHERE`, ...); returns the expression and the offset where it stopped.
 */
export function parseExpressionAt(source: string, pos: number): ParseResult {
  throw new ExpressionError('EXPRESSION_SYNTAX', 'Parser not implemented yet', positionOf(source, pos));
}
