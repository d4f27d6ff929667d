import { compileExpression } from '../expression/compileExpression.js';
import type { EvalContext, ScalarFunction } from '../expression/EvalContext.js';
import type { Expr } from '../expression/Expr.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import type { Value } from '../value/Value.js';
import { AggregateError } from './AggregateError.js';
import type { ChartScope, FrameField } from './ChartScope.js';
import { compileColumnKernel } from './columnKernel.js';
import type { Frame } from './Frame.js';
import { fieldNumbers } from './fieldNumbers.js';
import type { RowArgument } from './RowArgument.js';
import { symbolValues } from './symbolValues.js';

/**
 * Evaluates the argument of an aggregation for every row of a frame: a plain
 * field stays a column; an expression the column kernel compiler takes
 * (arithmetic, conditions, If, parts of one field) runs as one generated pass
 * over the rows' codes; anything else goes through the expression evaluator
 * row by row. `numbersSuffice` says the aggregation reads only the numbers
 * of its values (Sum, Avg, Min, Max), so text may be read as NULL.
 */
export function evaluateArgument(
  expr: Expr,
  frame: Frame,
  scope: ChartScope,
  format: FormatSettings,
  functions?: ReadonlyMap<string, ScalarFunction>,
  numbersSuffice = false,
): RowArgument {
  if (expr.kind === 'field' && scope.model.findField(expr.name)) {
    const source = scope.fieldIn(frame, expr.name);
    return { kind: 'field', source, nums: fieldNumbers(source.field) };
  }
  rejectUnknownFields(expr, scope);
  const kernel = compileColumnKernel(expr, frame, scope, format, functions);
  if (kernel && (kernel.exact || numbersSuffice)) return { kind: 'computed', kernel };
  return { kind: 'values', values: evaluateRows(expr, frame, scope, format, functions) };
}

/** The model fields an expression reads outside any nested aggregation. */
export function fieldsOf(
  expr: Expr,
  scope: ChartScope,
  into: Set<string> = new Set(),
): Set<string> {
  switch (expr.kind) {
    case 'field':
      if (scope.model.findField(expr.name)) into.add(expr.name);
      break;
    case 'unary':
      fieldsOf(expr.operand, scope, into);
      break;
    case 'binary':
      fieldsOf(expr.left, scope, into);
      fieldsOf(expr.right, scope, into);
      break;
    case 'call':
      if (!expr.aggregation) for (const arg of expr.args) fieldsOf(arg, scope, into);
      break;
  }
  return into;
}

// A name that is no field inside an aggregation is a mistake, not a null.
function rejectUnknownFields(expr: Expr, scope: ChartScope): void {
  if (expr.kind === 'field') {
    if (expr.name !== '*') scope.field(expr.name);
  } else if (expr.kind === 'unary') rejectUnknownFields(expr.operand, scope);
  else if (expr.kind === 'binary') {
    rejectUnknownFields(expr.left, scope);
    rejectUnknownFields(expr.right, scope);
  } else if (expr.kind === 'call' && !expr.aggregation) {
    for (const arg of expr.args) rejectUnknownFields(arg, scope);
  }
}

function evaluateRows(
  expr: Expr,
  frame: Frame,
  scope: ChartScope,
  format: FormatSettings,
  functions: ReadonlyMap<string, ScalarFunction> | undefined,
): Value[] {
  const sources = new Map<string, { source: FrameField; values: readonly Value[] }>();
  for (const name of fieldsOf(expr, scope)) {
    const source = scope.fieldIn(frame, name);
    sources.set(name, { source, values: symbolValues(source.field) });
  }
  let row = 0;
  const ctx: EvalContext = {
    format,
    functions,
    field(name) {
      const entry = sources.get(name);
      if (!entry) return undefined;
      return entry.values[entry.source.codes[entry.source.rows[row]!]!];
    },
    aggregate(call) {
      throw new AggregateError(
        'NESTED_AGGREGATION',
        `${call.name}() cannot be nested in another aggregation without Aggr()`,
      );
    },
  };
  const compiled = compileExpression(expr);
  const out: Value[] = new Array(frame.length);
  for (row = 0; row < frame.length; row++) out[row] = compiled(ctx);
  return out;
}
