import type { ParseResult } from './ParseResult.js';
import { Lexer } from './Lexer.js';
import { Parser } from './Parser.js';

/**
 * Parses one expression starting at `pos` in `source` and stops before the
 * first token that cannot continue it (`,`, `AS`, `FROM`, `;`, `)` at depth 0,
 * `WHERE`, ...); returns the expression and the offset where it stopped.
 * Throws an `ExpressionError` (`EXPRESSION_SYNTAX`) with line and column.
 */
export function parseExpressionAt(source: string, pos: number): ParseResult {
  const lexer = new Lexer(source, pos);
  const parser = new Parser(lexer);
  const expr = parser.parseExpression();
  return { expr, end: parser.stopOffset };
}
