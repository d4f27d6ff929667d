import type { Expr } from './Expr.js';

/** An expression parsed from part of a larger text, and the offset where parsing stopped. */
export interface ParseResult {
  readonly expr: Expr;
  /** Offset where the first token after the expression starts (spaces and comments skipped). */
  readonly end: number;
}
