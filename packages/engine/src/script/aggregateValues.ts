import { checkAggregationCall } from '../expression/aggregations/checkAggregationCall.js';
import { reduceRecords } from '../expression/aggregations/reduceRecords.js';
import type { CallExpr } from '../expression/Expr.js';
import { ExpressionError } from '../expression/ExpressionError.js';
import type { Value } from '../value/Value.js';
import { ScriptFault } from './ScriptFault.js';

/** The per-row argument values of one aggregation call over a group: `args[i][row]`. */
export type AggregateArguments = readonly (readonly Value[])[];

/**
 * Computes an aggregation call of a LOAD ... GROUP BY from its argument
 * values over the rows of one group, in load order, with the kernel the
 * aggregation registry gives it (the same the charts use). A constant
 * argument (Concat's delimiter, Fractile's fraction) is read from the first row.
 */
export function aggregateValues(call: CallExpr, args: AggregateArguments): Value {
  let spec;
  try {
    spec = checkAggregationCall(call, 'script');
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    throw new ScriptFault('SCRIPT_RUNTIME', error.message, undefined, { cause: error });
  }
  const columns: (readonly Value[])[] = [];
  const constants: (Value | undefined)[] = [];
  spec.params.forEach((param, i) => {
    const values = args[i];
    if (param.role === 'row') {
      if (values) columns.push(values);
    } else constants.push(values ? (values[0] ?? null) : undefined);
  });
  return reduceRecords(spec, columns, constants, call.distinct === 'distinct');
}
