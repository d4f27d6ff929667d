import type { CompiledExpression } from './CompiledExpression.js';
import type { CallExpr, Expr, FieldRef } from './Expr.js';

/**
 * Compile-time bindings a caller may give `compileExpression`, applied at
 * every depth of the tree: a LOAD binds source fields to array slots and
 * RecNo() to its counter, so a row costs no name lookups. Returning
 * `undefined` keeps the default (look the name up in the context per row).
 */
export interface CompileOptions {
  /**
   * The text the expression was parsed from, so that errors raised while
   * compiling or evaluating (unknown field or function, bad arguments) carry
   * the line and column of the node.
   */
  readonly source?: string;
  /** A closure reading this field, or undefined to read `ctx.field(name)` per row. */
  bindField?(ref: FieldRef): CompiledExpression | undefined;
  /**
   * A closure computing this call, or undefined for the default. `compileArgument`
   * compiles a sub-expression with the same options.
   */
  bindCall?(
    call: CallExpr,
    compileArgument: (expr: Expr) => CompiledExpression,
  ): CompiledExpression | undefined;
}
