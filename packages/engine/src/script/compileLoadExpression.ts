import type { CompiledExpression } from '../expression/CompiledExpression.js';
import type { ScalarFunction } from '../expression/EvalContext.js';
import type { CallExpr, Expr } from '../expression/Expr.js';
import { BINARY_OPERATIONS } from '../expression/binaryOperators.js';
import { compileExpression } from '../expression/compileExpression.js';
import { BUILTIN_FUNCTIONS } from '../expression/functions/builtinFunctions.js';
import { UNARY_OPERATIONS } from '../expression/unaryOperators.js';
import { isTrue } from '../value/truth.js';
import type { Value } from '../value/Value.js';
import { generatorOf } from './generatingCalls.js';
import type { LoadContext } from './LoadContext.js';
import { windowSlotOf } from './windowCalls.js';
import { ScriptFault } from './ScriptFault.js';

/**
 * Compiles a LOAD field expression bound to one load's context. Source
 * fields become array reads by position and RecNo()/RowNo()/IterNo() read
 * the counters directly, so a row costs no name lookups; anything else
 * (If(), aggregations, unknown names) is compiled by the general compiler.
 */
export function compileLoadExpression(
  expr: Expr,
  load: LoadContext,
  positions: ReadonlyMap<string, number>,
): CompiledExpression {
  switch (expr.kind) {
    case 'field': {
      const at = positions.get(expr.name);
      if (at !== undefined) return () => load.row[at] ?? null;
      // Not a source field: a variable of that name may stand in; otherwise fail before any row is read.
      if (load.variable(expr.name) === undefined) {
        throw new ScriptFault(
          'SCRIPT_FIELD_NOT_FOUND',
          `Field '${expr.name}' not found`,
          expr.start,
        );
      }
      return compileExpression(expr);
    }
    case 'unary': {
      const operand = compileLoadExpression(expr.operand, load, positions);
      const apply = UNARY_OPERATIONS[expr.op];
      return (ctx) => apply(operand(ctx));
    }
    case 'binary': {
      const left = compileLoadExpression(expr.left, load, positions);
      const right = compileLoadExpression(expr.right, load, positions);
      if (expr.op === 'and') return (ctx) => (isTrue(left(ctx)) && isTrue(right(ctx)) ? -1 : 0);
      if (expr.op === 'or') return (ctx) => (isTrue(left(ctx)) || isTrue(right(ctx)) ? -1 : 0);
      const apply = BINARY_OPERATIONS[expr.op];
      return (ctx) => apply(left(ctx), right(ctx));
    }
    case 'call':
      return compileCall(expr, load, positions);
    default:
      return compileExpression(expr);
  }
}

function compileCall(
  call: CallExpr,
  load: LoadContext,
  positions: ReadonlyMap<string, number>,
): CompiledExpression {
  if (call.args.length === 0) {
    if (call.key === 'RECNO') return () => load.recNo;
    if (call.key === 'ROWNO') return () => load.rowNo + 1;
    if (call.key === 'ITERNO') return () => load.iterNo;
  }
  if (call.key === 'WINDOW') {
    const slot = windowSlotOf(call, positions);
    load.windows.push(slot);
    return () => slot.values[load.windowRow] ?? null;
  }
  const generator = generatorOf(call, (arg) => compileLoadExpression(arg, load, positions));
  if (generator) {
    const slot = load.generators.push(generator) - 1;
    return () => load.generated[slot] ?? null;
  }
  if (call.key === 'PREVIOUS' && call.args.length === 1)
    return compilePrevious(call.args[0], load, positions);
  const custom = load.functions.get(call.key);
  if (custom && call.key === 'EXISTS') {
    const exists = compileExists(call, load, positions, custom);
    if (exists) return exists;
  }
  const builtin = BUILTIN_FUNCTIONS.get(call.key);
  const fn =
    custom ??
    (builtin && call.args.length >= builtin.min && call.args.length <= builtin.max
      ? builtin.fn
      : undefined);
  // If() evaluates lazily and arity errors are reported by the general compiler.
  if (call.aggregation || call.key === 'IF' || fn === undefined) return compileExpression(call);
  const args = call.args.map((arg) => compileLoadExpression(arg, load, positions));
  const count = args.length;
  if (count === 1) {
    const only = args[0];
    return (ctx) => fn([only(ctx)], ctx);
  }
  if (count === 2) {
    const [first, second] = args;
    return (ctx) => fn([first(ctx), second(ctx)], ctx);
  }
  return (ctx) => {
    const values = new Array<Value>(count);
    for (let i = 0; i < count; i++) values[i] = args[i](ctx);
    return fn(values, ctx);
  };
}

/**
 * Exists(Field [, value]) names its field rather than evaluating it, and with
 * one argument checks the current record's value of that field.
 */
function compileExists(
  call: CallExpr,
  load: LoadContext,
  positions: ReadonlyMap<string, number>,
  exists: ScalarFunction,
): CompiledExpression | undefined {
  const [first, second] = call.args;
  if (!first || call.args.length > 2) return undefined;
  const field =
    first.kind === 'field' ? first.name : first.kind === 'string' ? first.value : undefined;
  if (field === undefined) return undefined;
  const valueExpr: Expr = second ?? {
    kind: 'field',
    name: field,
    quoting: 'bare',
    start: first.start,
  };
  const value = compileLoadExpression(valueExpr, load, positions);
  return (ctx) => exists([field, value(ctx)], ctx);
}

/** Previous(expr): the expression over the last source record that passed WHERE; null on the first. */
function compilePrevious(
  arg: Expr,
  load: LoadContext,
  positions: ReadonlyMap<string, number>,
): CompiledExpression {
  const inner = compileLoadExpression(arg, load, positions);
  return (ctx) => {
    const previous = load.previousRow;
    if (previous === undefined) return null;
    const current = load.row;
    load.row = previous;
    try {
      return inner(ctx);
    } finally {
      load.row = current;
    }
  };
}
