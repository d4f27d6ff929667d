import { compileExpression } from '../expression/compileExpression.js';
import type { EvalContext, ScalarFunction } from '../expression/EvalContext.js';
import type { Expr } from '../expression/Expr.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import type { Value } from '../value/Value.js';
import { AggregateError } from './AggregateError.js';
import type { ChartScope, FrameField } from './ChartScope.js';
import type { Frame } from './Frame.js';
import { fieldNumbers } from './fieldNumbers.js';
import type { RowArgument } from './RowArgument.js';
import { symbolValues } from './symbolValues.js';

/**
 * Evaluates the argument of an aggregation for every row of a frame: a plain
 * field stays a column, arithmetic on fields and numbers runs as whole-column
 * vector operations, anything else goes through the expression evaluator row
 * by row.
 */
export function evaluateArgument(
  expr: Expr,
  frame: Frame,
  scope: ChartScope,
  format: FormatSettings,
  functions?: ReadonlyMap<string, ScalarFunction>,
): RowArgument {
  if (expr.kind === 'field' && scope.model.findField(expr.name)) {
    const source = scope.fieldIn(frame, expr.name);
    return { kind: 'field', source, nums: fieldNumbers(source.field) };
  }
  rejectUnknownFields(expr, scope);
  const vector = numericVector(expr, frame, scope);
  if (vector) return { kind: 'numbers', values: vector };
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

// Whole-column arithmetic: one typed array per node, NaN carrying null.
function numericVector(expr: Expr, frame: Frame, scope: ChartScope): Float64Array | undefined {
  switch (expr.kind) {
    case 'number':
      return new Float64Array(frame.length).fill(expr.value);
    case 'field':
      return scope.model.findField(expr.name) ? gather(scope.fieldIn(frame, expr.name)) : undefined;
    case 'unary': {
      if (expr.op !== '-' && expr.op !== '+') return undefined;
      const operand = numericVector(expr.operand, frame, scope);
      if (operand && expr.op === '-')
        for (let i = 0; i < operand.length; i++) operand[i] = -operand[i]!;
      return operand;
    }
    case 'binary':
      return binaryVector(expr.op, expr.left, expr.right, frame, scope);
    default:
      return undefined;
  }
}

function binaryVector(
  op: string,
  leftExpr: Expr,
  rightExpr: Expr,
  frame: Frame,
  scope: ChartScope,
): Float64Array | undefined {
  if (op !== '+' && op !== '-' && op !== '*' && op !== '/') return undefined;
  const left = numericVector(leftExpr, frame, scope);
  const right = left && numericVector(rightExpr, frame, scope);
  if (!left || !right) return undefined;
  const n = left.length;
  if (op === '+') for (let i = 0; i < n; i++) left[i]! += right[i]!;
  else if (op === '-') for (let i = 0; i < n; i++) left[i]! -= right[i]!;
  else if (op === '*') for (let i = 0; i < n; i++) left[i]! *= right[i]!;
  else for (let i = 0; i < n; i++) left[i] = right[i] === 0 ? NaN : left[i]! / right[i]!;
  return left;
}

function gather(source: FrameField): Float64Array {
  const nums = fieldNumbers(source.field);
  const { codes, rows } = source;
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = nums[codes[rows[i]!]!]!;
  return out;
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
