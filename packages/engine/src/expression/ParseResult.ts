import type { Expr } from './Expr.js';

/** An expression parsed from part of a larger text, and the offset where parsing stopped. */
export interface ParseResult {
  readonly expr: Expr;
  /** Offset of the first character after the expression (trailing spaces not consumed). */
  readonly end: number;
}
