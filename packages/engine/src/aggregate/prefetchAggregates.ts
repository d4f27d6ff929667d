import type { ScalarFunction } from '../expression/EvalContext.js';
import type { CallExpr, Expr } from '../expression/Expr.js';
import { aggregationOf } from '../expression/aggregations/aggregationRegistry.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import type { Value } from '../value/Value.js';
import { toValues } from './aggregateItems.js';
import type { ChartScope } from './ChartScope.js';
import { compileColumnKernel } from './columnKernel.js';
import { fieldsOf } from './evaluateArgument.js';
import { fieldNumbers } from './fieldNumbers.js';
import { type FusedSpec, fusedAggregates } from './fusedAggregates.js';
import type { GroupTarget } from './MeasureEvaluator.js';
import { topLevelCalls } from './topLevelCalls.js';

/** A call's values for one target, computed ahead. */
export interface Prefetched {
  readonly target: GroupTarget;
  readonly call: CallExpr;
  readonly values: Value[];
}

/**
 * Computes ahead the Sum/Avg/Min/Max/Count calls of `exprs` that run over
 * the target's own frame: every plain-field one in one fused pass, each one
 * of a compiled expression (`Sum(A*B)`) in a pass of its own; given a
 * `totals` target, each pass also computes the call's total when the total
 * reads the same frame rows, so that the total costs no second pass.
 */
export function prefetchAggregates(
  scope: ChartScope,
  format: FormatSettings,
  functions: ReadonlyMap<string, ScalarFunction> | undefined,
  exprs: readonly Expr[],
  target: GroupTarget,
  totals?: GroupTarget,
): Prefetched[] {
  const out: Prefetched[] = [];
  const buckets = new Map<
    Int32Array,
    { calls: CallExpr[]; specs: FusedSpec[]; total: boolean[] }
  >();
  const { ofRow, count } = target.index;
  const keep = (call: CallExpr, nums: Float64Array, withTotal: boolean) => {
    out.push({ target, call, values: toValues(nums.subarray(0, count)) });
    if (withTotal) out.push({ target: totals!, call, values: toValues(nums.subarray(count)) });
  };
  for (const call of exprs.flatMap(topLevelCalls)) {
    const op = aggregationOf(call.key)?.columnar;
    const arg = call.args[0];
    if (
      !op ||
      !arg ||
      call.args.length !== 1 ||
      call.set ||
      call.distinct ||
      call.total ||
      call.all
    )
      continue;
    if (arg.kind === 'field') {
      const found = fieldSpec(scope, op, arg.name, target);
      if (!found) continue;
      let bucket = buckets.get(found.rows);
      if (!bucket) buckets.set(found.rows, (bucket = { calls: [], specs: [], total: [] }));
      bucket.calls.push(call);
      bucket.specs.push(found.spec);
      bucket.total.push(totals !== undefined && found.totalFrameIsSame);
      continue;
    }
    const fields = [...fieldsOf(arg, scope)];
    if (fields.length === 0) continue;
    const frame = scope.frame(undefined, [...target.dims, ...fields]);
    if (scope.groups(frame, target.dims) !== target.index) continue;
    const kernel = compileColumnKernel(arg, frame, scope, format, functions);
    // Count reads text too: only a kernel whose numbers are the values themselves answers it.
    if (!kernel || (op === 'count' && !kernel.exact)) continue;
    const withTotal = totals !== undefined && scope.frame(undefined, fields) === frame;
    keep(call, kernel.reduce(op, ofRow, count, withTotal), withTotal);
  }
  // The pass sums every call's total when one of them reads its total there; the others' are not kept.
  for (const [rows, { calls, specs, total }] of buckets) {
    const results = fusedAggregates(specs, rows, ofRow, count, total.includes(true));
    calls.forEach((call, k) => keep(call, results[k]!, total[k]!));
  }
  return out;
}

function fieldSpec(scope: ChartScope, op: FusedSpec['op'], name: string, target: GroupTarget) {
  if (!scope.model.findField(name)) return undefined;
  const frame = scope.frame(undefined, [...target.dims, name]);
  if (scope.groups(frame, target.dims) !== target.index) return undefined;
  const { field, codes, rows } = scope.fieldIn(frame, name);
  const spec: FusedSpec = { op, codes, nums: fieldNumbers(field), nullCode: field.cardinality };
  // The total reads the field's own table: the chart's frame when it holds each of its rows once.
  const totalFrameIsSame =
    scope.frame(undefined, [name]) === frame || scope.holdsFieldRowsOnce(frame, name);
  return { rows, spec, totalFrameIsSame };
}
