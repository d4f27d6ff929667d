import type { Expr } from '../expression/Expr.js';
import { aggregationOf } from '../expression/aggregations/aggregationRegistry.js';
import type { Field } from '../model/Field.js';
import type { ChartScope } from './ChartScope.js';
import { fieldNumbers } from './fieldNumbers.js';
import type { Frame } from './Frame.js';
import type { RowArgument } from './RowArgument.js';

/**
 * Aggr's inner `Sum(F)` when each row of the Aggr's frame is an inner group
 * of its own (`Avg(Aggr(Sum(A), D2, K))` with a K per row): the sum of a
 * group is its row's number, 0 where it has none, read straight from the
 * field, so no inner table is built. Undefined for any other inner
 * expression, or when the Sum's own frame is not the Aggr's.
 */
export function sumPerRow(
  scope: ChartScope,
  inner: Expr,
  aggrDims: readonly string[],
  frame: Frame,
): RowArgument | undefined {
  if (inner.kind !== 'call' || aggregationOf(inner.key)?.columnar !== 'sum') return undefined;
  const arg = inner.args[0];
  if (inner.args.length !== 1 || inner.set || inner.distinct || inner.total || inner.all)
    return undefined;
  if (arg?.kind !== 'field' || !scope.model.findField(arg.name)) return undefined;
  try {
    if (scope.frame(undefined, [...aggrDims, arg.name]) !== frame) return undefined;
  } catch {
    return undefined;
  }
  const source = scope.fieldIn(frame, arg.name);
  return { kind: 'field', source, nums: numbersOrZero(source.field) };
}

const zeroed = new WeakMap<Field, Float64Array>();

// A field's numbers with 0 for text and null: a Sum over no number is 0.
function numbersOrZero(field: Field): Float64Array {
  let nums = zeroed.get(field);
  if (!nums) {
    nums = fieldNumbers(field).map((v) => (v === v ? v : 0));
    zeroed.set(field, nums);
  }
  return nums;
}
