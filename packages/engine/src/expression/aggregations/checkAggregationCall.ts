import type { CallExpr } from '../Expr.js';
import { ExpressionError } from '../ExpressionError.js';
import type { FunctionContext } from '../FunctionGroup.js';
import { type AggregationSpec, arityOf } from './AggregationSpec.js';
import { aggregationOf } from './aggregationRegistry.js';

/**
 * The spec of an aggregation call, after checking it against the registry:
 * the number of arguments, `*` only where the records may be counted, and
 * the context (a chart or a LOAD) it is used in.
 */
export function checkAggregationCall(call: CallExpr, context: FunctionContext): AggregationSpec {
  const spec = aggregationOf(call.key);
  if (!spec)
    throw new ExpressionError('EXPRESSION_UNKNOWN_FUNCTION', `Unknown function: ${call.name}()`);
  if (!spec.contexts.includes(context)) {
    const where = context === 'chart' ? 'in chart expressions' : 'in the load script';
    throw new ExpressionError(
      'EXPRESSION_AGGREGATION_NOT_ALLOWED',
      `${spec.name}() cannot be used ${where}`,
    );
  }
  const { min, max } = arityOf(spec);
  const count = call.args.length;
  if (count < min || count > max) {
    throw new ExpressionError(
      'EXPRESSION_BAD_ARGUMENTS',
      `${spec.name}() takes ${describeArity(min, max)}, not ${count}`,
    );
  }
  const star = call.args[0];
  if (!spec.star && star?.kind === 'field' && star.name === '*' && star.quoting === 'bare')
    throw new ExpressionError('EXPRESSION_BAD_ARGUMENTS', `${spec.name}(*) is not allowed`);
  return spec;
}

/** "1 argument", "2 to 4 arguments", "at least 2 arguments". */
export function describeArity(min: number, max: number): string {
  if (max === Infinity) return `at least ${min} argument${min === 1 ? '' : 's'}`;
  if (min === max) return `${min} argument${min === 1 ? '' : 's'}`;
  return `${min} to ${max} arguments`;
}
