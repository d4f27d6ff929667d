import { isTrue } from '../value/truth.js';
import type { Value } from '../value/Value.js';
import type { CompiledExpression } from './CompiledExpression.js';
import type { CompileOptions } from './CompileOptions.js';
import type { EvalContext, ScalarFunction } from './EvalContext.js';
import { CHART_FUNCTIONS, type ChartFunctionSpec } from './chartFunctions.js';
import type { CallExpr, Expr, FieldRef } from './Expr.js';
import { ExpressionError, type SourcePosition } from './ExpressionError.js';
import { positionOf } from './positionOf.js';
import { BINARY_OPERATIONS } from './binaryOperators.js';
import { UNSUPPORTED_FUNCTIONS } from './functions/unsupportedFunctions.js';
import { BUILTIN_FUNCTIONS } from './functions/builtinFunctions.js';
import { UNARY_OPERATIONS } from './unaryOperators.js';
import { parseExpression } from './parseExpression.js';
import { toText } from '../value/toText.js';
import { describeArity } from './aggregations/checkAggregationCall.js';

const NO_OPTIONS: CompileOptions = {};

/**
 * Compiles an expression tree into a closure tree, so that evaluating it for
 * a million rows walks no AST and looks up no built-in function by name.
 * `options` may bind fields and calls at compile time (see `CompileOptions`).
 */
export function compileExpression(
  expr: Expr,
  options: CompileOptions = NO_OPTIONS,
): CompiledExpression {
  const compile = (e: Expr): CompiledExpression => compileExpression(e, options);
  const source = options.source;
  const at: Locate = (offset) => (source === undefined ? undefined : positionOf(source, offset));
  switch (expr.kind) {
    case 'number': {
      const value = expr.value;
      return () => value;
    }
    case 'string': {
      const value = expr.value;
      return () => value;
    }
    case 'field':
      return options.bindField?.(expr) ?? compileField(expr, at);
    case 'unary': {
      const operand = compile(expr.operand);
      const apply = UNARY_OPERATIONS[expr.op];
      return (ctx) => apply(operand(ctx));
    }
    case 'binary':
      return compileBinary(expr.op, compile(expr.left), compile(expr.right));
    case 'call':
      return options.bindCall?.(expr, compile) ?? compileCall(expr, compile, at);
  }
}

/** Where a node starts in the source, when the caller gave the source. */
type Locate = (offset: number) => SourcePosition | undefined;

function compileField(ref: FieldRef, at: Locate): CompiledExpression {
  const name = ref.name;
  return (ctx) => {
    const value = ctx.field(name);
    if (value !== undefined) return value;
    const variable = ctx.variable?.(name);
    if (variable !== undefined) return variable;
    throw new ExpressionError(
      'EXPRESSION_UNKNOWN_FIELD',
      `Field not found: ${name}`,
      at(ref.start),
    );
  };
}

function compileBinary(
  op: keyof typeof BINARY_OPERATIONS,
  left: CompiledExpression,
  right: CompiledExpression,
): CompiledExpression {
  // AND and OR stop early: the right side may be costly or fail.
  if (op === 'and') return (ctx) => (isTrue(left(ctx)) && isTrue(right(ctx)) ? -1 : 0);
  if (op === 'or') return (ctx) => (isTrue(left(ctx)) || isTrue(right(ctx)) ? -1 : 0);
  const apply = BINARY_OPERATIONS[op];
  return (ctx) => apply(left(ctx), right(ctx));
}

type Compile = (expr: Expr) => CompiledExpression;

function compileCall(call: CallExpr, compile: Compile, at: Locate): CompiledExpression {
  if (call.aggregation) return compileAggregation(call, at);
  if (call.key === 'IF') return compileIf(call, compile, at);
  if (call.key === 'EVALUATE') return compileEvaluate(call, compile, at);
  const builtin = BUILTIN_FUNCTIONS.get(call.key);
  const chart = builtin ? undefined : CHART_FUNCTIONS.get(call.key);
  if (chart) return compileChartFunction(call, chart, compile, at);
  if (builtin !== undefined) checkArity(call, builtin, at);
  if (builtin?.group === 'RNG') return compileRangeCall(call, builtin.fn, compile);
  const args = call.args.map(compile);
  const key = call.key;
  const name = call.name;
  return (ctx) => {
    const values = evaluateArgs(args, ctx);
    const custom = ctx.functions?.get(key);
    if (custom !== undefined) return custom(values, ctx);
    if (builtin !== undefined) return builtin.fn(values, ctx);
    const unsupported = UNSUPPORTED_FUNCTIONS.get(key);
    if (unsupported !== undefined)
      throw new ExpressionError(
        'EXPRESSION_FUNCTION_NOT_IMPLEMENTED',
        `${unsupported.name}() is not implemented: ${unsupported.reason}`,
        at(call.start),
      );
    throw new ExpressionError(
      'EXPRESSION_UNKNOWN_FUNCTION',
      `Unknown function: ${name}()`,
      at(call.start),
    );
  };
}

/**
 * A chart inter-record or ranking function: the chart computes it for the
 * current row. A script's own function of that name (RowNo, NoOfRows) wins.
 */
function compileChartFunction(
  call: CallExpr,
  spec: ChartFunctionSpec,
  compile: Compile,
  at: Locate,
): CompiledExpression {
  const args = call.args.map(compile);
  return (ctx) => {
    const custom = ctx.functions?.get(call.key);
    if (custom !== undefined) return custom(evaluateArgs(args, ctx), ctx);
    checkArity(call, spec, at);
    if (ctx.interRecord !== undefined) return ctx.interRecord(call);
    throw new ExpressionError(
      'EXPRESSION_AGGREGATION_NOT_ALLOWED',
      `${call.name}() can only be used in chart expressions`,
      at(call.start),
    );
  };
}

/**
 * A range function: an argument that is an inter-record function with a
 * count (`RangeSum(Above(Sum(X), 0, 3))`) contributes all its values.
 */
function compileRangeCall(
  call: CallExpr,
  fn: ScalarFunction,
  compile: Compile,
): CompiledExpression {
  const parts = call.args.map((arg): ((ctx: EvalContext) => readonly Value[]) => {
    const single = compile(arg);
    if (arg.kind !== 'call' || !CHART_FUNCTIONS.get(arg.key)?.ranged) return (ctx) => [single(ctx)];
    return (ctx) => ctx.interRecordRange?.(arg) ?? [single(ctx)];
  });
  return (ctx) => {
    const values: Value[] = [];
    for (const part of parts) values.push(...part(ctx));
    return fn(values, ctx);
  };
}

function checkArity(call: CallExpr, arity: { min: number; max: number }, at: Locate): void {
  if (call.args.length >= arity.min && call.args.length <= arity.max) return;
  throw new ExpressionError(
    'EXPRESSION_BAD_ARGUMENTS',
    `${call.name}() takes ${describeArity(arity.min, arity.max)}, not ${call.args.length}`,
    at(call.start),
  );
}

function evaluateArgs(args: readonly CompiledExpression[], ctx: EvalContext): Value[] {
  const values = new Array<Value>(args.length);
  for (let i = 0; i < args.length; i++) values[i] = args[i](ctx);
  return values;
}

/** If() evaluates only the branch it returns. */
function compileIf(call: CallExpr, compile: Compile, at: Locate): CompiledExpression {
  if (call.args.length < 2 || call.args.length > 3) {
    throw new ExpressionError(
      'EXPRESSION_BAD_ARGUMENTS',
      `${call.name}() takes 2 or 3 arguments, not ${call.args.length}`,
      at(call.start),
    );
  }
  const [condition, then, otherwise] = call.args.map(compile);
  if (otherwise === undefined) return (ctx) => (isTrue(condition(ctx)) ? then(ctx) : null);
  return (ctx) => (isTrue(condition(ctx)) ? then(ctx) : otherwise(ctx));
}

/** Evaluate(text) parses its argument as an expression at run time; a text that is no expression gives NULL. */
function compileEvaluate(call: CallExpr, compile: Compile, at: Locate): CompiledExpression {
  if (call.args.length !== 1) {
    throw new ExpressionError(
      'EXPRESSION_BAD_ARGUMENTS',
      `${call.name}() takes 1 argument, not ${call.args.length}`,
      at(call.start),
    );
  }
  const source = compile(call.args[0]);
  const compiled = new Map<string, CompiledExpression | null>();
  return (ctx) => {
    const text = toText(source(ctx));
    let expression = compiled.get(text);
    if (expression === undefined) {
      expression = compileOrNull(text);
      if (compiled.size > 1000) compiled.clear();
      compiled.set(text, expression);
    }
    return expression === null ? null : expression(ctx);
  };
}

function compileOrNull(text: string): CompiledExpression | null {
  try {
    return compileExpression(parseExpression(text));
  } catch (e) {
    if (e instanceof ExpressionError && e.code === 'EXPRESSION_SYNTAX') return null;
    throw e;
  }
}

function compileAggregation(call: CallExpr, at: Locate): CompiledExpression {
  return (ctx) => {
    if (ctx.aggregate === undefined) {
      throw new ExpressionError(
        'EXPRESSION_AGGREGATION_NOT_ALLOWED',
        `Aggregation ${call.name}() is not allowed here (only in charts or a LOAD with GROUP BY)`,
        at(call.start),
      );
    }
    return ctx.aggregate(call, ctx);
  };
}
