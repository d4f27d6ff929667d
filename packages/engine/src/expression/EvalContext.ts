import type { FormatSettings } from '../value/FormatSettings.js';
import type { Value } from '../value/Value.js';
import type { CallExpr } from './Expr.js';

/** A scalar function: evaluated arguments in, one value out. */
export type ScalarFunction = (args: readonly Value[], ctx: EvalContext) => Value;

/**
 * What an expression sees while it is evaluated for one row. The script
 * interpreter and the chart engine each implement it.
 */
export interface EvalContext {
  /**
   * The value of a field in the current row; `undefined` when there is no
   * such field (the name is then tried as a variable).
   */
  field(name: string): Value | undefined;
  /** The value of a variable, or `undefined` when there is none. */
  variable?(name: string): Value | undefined;
  /**
   * Computes an aggregation call (chart context, or a script GROUP BY).
   * Without it an aggregation raises `EXPRESSION_AGGREGATION_NOT_ALLOWED`.
   */
  aggregate?(call: CallExpr, ctx: EvalContext): Value;
  /**
   * Computes a chart inter-record or ranking function (Above, RowNo, Rank,
   * ...) for the current chart row. Without it they raise
   * `EXPRESSION_AGGREGATION_NOT_ALLOWED`: only charts have rows to read.
   */
  interRecord?(call: CallExpr): Value;
  /**
   * The values of an inter-record call with a count (`Above(Sum(X), 0, 3)`)
   * as a range, for the range functions to take whole.
   */
  interRecordRange?(call: CallExpr): readonly Value[];
  /**
   * Extra functions the context provides (ApplyMap, Peek, RowNo...), keyed
   * by upper-cased name. They take precedence over the built-in library.
   */
  readonly functions?: ReadonlyMap<string, ScalarFunction>;
  /** Number and date interpretation settings. */
  readonly format: FormatSettings;
}
