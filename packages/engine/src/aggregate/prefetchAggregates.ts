import type { ScalarFunction } from '../expression/EvalContext.js';
import type { CallExpr, Expr } from '../expression/Expr.js';
import type { AggregationSpec } from '../expression/aggregations/AggregationSpec.js';
import { aggregationOf } from '../expression/aggregations/aggregationRegistry.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import type { Value } from '../value/Value.js';
import { toValues } from './numberedValues.js';
import type { ChartScope } from './ChartScope.js';
import { type ColumnKernel, compileColumnKernel } from './columnKernel.js';
import { fieldsOf } from './evaluateArgument.js';
import { fieldNumbers } from './fieldNumbers.js';
import type { Frame } from './Frame.js';
import { type FusedSpec, fusedAggregates } from './fusedAggregates.js';
import type { GroupIndex } from './GroupIndex.js';
import { mapToTarget } from './mapToTarget.js';
import { type RowGroups, keyGroups, keySlot } from './rowGroups.js';
import type { GroupTarget } from './MeasureEvaluator.js';
import { topLevelCalls } from './topLevelCalls.js';

/** A call's values for one target, computed ahead. */
export interface Prefetched {
  readonly target: GroupTarget;
  readonly call: CallExpr;
  /** Numbers (NaN for null) when the call's own groups are the target's, else values. */
  readonly values: Value[] | Float64Array;
}

/** How one call is computed ahead: over its frame's groups, by a plain field or a kernel. */
interface Plan {
  readonly call: CallExpr;
  /** The groups it is computed for: the chart's, or the totals' one group. */
  readonly target: GroupTarget;
  readonly spec: AggregationSpec;
  /** Its own frame's groups: a grouping's ids, or the dimensions' key space. */
  readonly groups: RowGroups;
  /** The grouping behind `groups` when they are ids. */
  readonly index?: GroupIndex;
  /** Its total comes from the same pass. */
  readonly withTotal: boolean;
  readonly field?: { readonly rows: Int32Array; readonly spec: FusedSpec };
  readonly kernel?: ColumnKernel;
}

/**
 * Computes ahead the Sum/Avg/Min/Max/Count calls of `exprs` (with or without
 * a set expression) over the chart's dimensions: the plain-field ones over
 * the same frame rows in one fused pass, each one of a compiled expression
 * (`Sum(A*B)`) in a pass of its own; given a `totals` target, each pass also
 * computes the call's total when the total reads the same frame rows, so the
 * total costs no second pass; other totals get a pass of their own, with
 * no grouping. A call over other records than the chart's (a set) is
 * grouped over its own frame and looked up per chart group. The calls in
 * `done` are computed already (sumsWithGroups.ts).
 */
export function prefetchAggregates(
  scope: ChartScope,
  format: FormatSettings,
  functions: ReadonlyMap<string, ScalarFunction> | undefined,
  exprs: readonly Expr[],
  target: GroupTarget,
  totals?: GroupTarget,
  done?: ReadonlySet<CallExpr>,
): Prefetched[] {
  const plans: Plan[] = [];
  const keySpaces = new Map<Frame, RowGroups | undefined>();
  for (const call of exprs.flatMap(topLevelCalls)) {
    if (done?.has(call)) continue;
    const context = { format, functions, keySpaces };
    const plan = planOf(scope, context, call, target, totals !== undefined);
    if (plan) plans.push(plan);
    const total = plan && totals && !plan.withTotal && planOf(scope, context, call, totals, false);
    if (total) plans.push(total);
  }
  const out: Prefetched[] = [];
  const keep = (plan: Plan, nums: Float64Array) => {
    const count = plan.groups.count;
    out.push({ target: plan.target, call: plan.call, values: valuesFor(plan, nums) });
    if (plan.withTotal)
      out.push({ target: totals!, call: plan.call, values: toValues(nums.subarray(count)) });
  };
  // Plain fields over the same rows and groups share one pass; it sums every total when one is kept there.
  const buckets = new Map<Int32Array, Map<RowGroups, Plan[]>>();
  for (const plan of plans) {
    if (plan.kernel) {
      keep(plan, plan.kernel.reduce(plan.spec.columnar!, plan.groups, plan.withTotal));
      continue;
    }
    const { rows } = plan.field!;
    let byGroups = buckets.get(rows);
    if (!byGroups) buckets.set(rows, (byGroups = new Map()));
    const bucket = byGroups.get(plan.groups);
    if (bucket) bucket.push(plan);
    else byGroups.set(plan.groups, [plan]);
  }
  for (const [rows, byGroups] of buckets)
    for (const [groups, bucket] of byGroups) {
      const specs = bucket.map((plan) => plan.field!.spec);
      const withTotal = bucket.some((plan) => plan.withTotal);
      const results = fusedAggregates(specs, rows, groups, withTotal);
      bucket.forEach((plan, k) => keep(plan, results[k]!));
    }
  return out;
}

// A plan's results per chart group: its own groups' looked up by their symbols.
function valuesFor(plan: Plan, nums: Float64Array): Value[] | Float64Array {
  const { groups, target } = plan;
  if (groups.kind === 'ids') {
    // The chart's own groups keep the numbers: they are made values only if something reads them so.
    if (plan.index === target.index) return nums.subarray(0, groups.count);
    const perGroup = toValues(nums.subarray(0, groups.count));
    return mapToTarget(perGroup, plan.index!, target.dims, target, plan.spec.empty);
  }
  // A slot no row reached holds what a group without numbers holds, which is each one's `empty`:
  // 0 for Sum and Count, null for Avg, Min and Max.
  const keys = target.index.keys;
  const symbols = new Array<number>(keys.length);
  const out: Value[] = new Array(target.index.count);
  for (let g = 0; g < out.length; g++) {
    for (let d = 0; d < keys.length; d++) symbols[d] = keys[d]![g]!;
    const num = nums[keySlot(groups, symbols)]!;
    out[g] = num === num ? num : null;
  }
  return out;
}

interface Context {
  readonly format: FormatSettings;
  readonly functions: ReadonlyMap<string, ScalarFunction> | undefined;
  /** Per frame of a set, its dimensions' key space (undefined: too big, group ids instead). */
  readonly keySpaces: Map<Frame, RowGroups | undefined>;
}

function planOf(
  scope: ChartScope,
  { format, functions, keySpaces }: Context,
  call: CallExpr,
  target: GroupTarget,
  totals: boolean,
): Plan | undefined {
  const spec = aggregationOf(call.key);
  const op = spec?.columnar;
  const arg = call.args[0];
  if (!op || !arg || call.args.length !== 1 || call.distinct || call.total || call.all)
    return undefined;
  const plain = arg.kind === 'field';
  if (plain && !scope.model.findField(arg.name)) return undefined;
  const fields = plain ? [arg.name] : [...fieldsOf(arg, scope)];
  if (fields.length === 0) return undefined;
  let frame: Frame;
  try {
    frame = scope.frame(call.set, [...target.dims, ...fields]);
  } catch {
    // A set or association that fails fails where the call is evaluated, if it is.
    return undefined;
  }
  // Over other records than the chart's, a small key space spares the grouping pass (a total's is one slot).
  const alone = target.dims.length === 0;
  if (call.set && !alone && !keySpaces.has(frame))
    keySpaces.set(frame, keySpaceOf(scope, frame, target.dims));
  const keyed = alone ? keySpaceOf(scope, frame, []) : call.set ? keySpaces.get(frame) : undefined;
  const index = keyed ? undefined : scope.groups(frame, target.dims);
  const groups: RowGroups = keyed ?? idGroupsOf(index!);
  // The total reads the fields' own frame: when it is this one, or holds the one field's rows once.
  const withTotal =
    totals &&
    (scope.frame(call.set, fields) === frame ||
      (plain && scope.holdsFieldRowsOnce(frame, arg.name)));
  if (plain) {
    const { field, codes, rows } = scope.fieldIn(frame, arg.name);
    const fused = { op, codes, nums: fieldNumbers(field), nullCode: field.cardinality };
    return { call, target, spec: spec!, groups, index, withTotal, field: { rows, spec: fused } };
  }
  const kernel = compileColumnKernel(arg, frame, scope, format, functions);
  // Count reads text too: only a kernel whose numbers are the values themselves answers it.
  if (!kernel || (op === 'count' && !kernel.exact)) return undefined;
  return { call, target, spec: spec!, groups, index, withTotal, kernel };
}

// One RowGroups per grouping, so the plans over the same rows and groups land in one
// bucket (the buckets are keyed by identity) and share one fused pass.
const idGroups = new WeakMap<GroupIndex, RowGroups>();

function idGroupsOf(index: GroupIndex): RowGroups {
  let groups = idGroups.get(index);
  if (!groups)
    idGroups.set(index, (groups = { kind: 'ids', ofRow: index.ofRow, count: index.count }));
  return groups;
}

function keySpaceOf(
  scope: ChartScope,
  frame: Frame,
  dims: readonly string[],
): RowGroups | undefined {
  const columns = dims.map((dim) => {
    const { field, codes, rows } = scope.fieldIn(frame, dim);
    return { codes, rows, cardinality: field.cardinality };
  });
  return keyGroups(columns, frame.length);
}
