import type { CallExpr, Expr } from '../expression/Expr.js';
import { aggregationOf } from '../expression/aggregations/aggregationRegistry.js';
import { FIXED_BLOCKS, runsInFixedBlocks } from '../parallel/inBlocks.js';
import { rowArray } from '../parallel/sharedArrays.js';
import type { ChartScope } from './ChartScope.js';
import { fieldNumbers } from './fieldNumbers.js';
import type { Frame } from './Frame.js';
import { type FusedSpec, fusedWithFirstRows } from './fusedAggregates.js';
import { GroupIndex } from './GroupIndex.js';
import type { GroupTarget } from './MeasureEvaluator.js';
import { toValues } from './numberedValues.js';
import type { Prefetched } from './prefetchAggregates.js';
import { type RowGroups, keyGroups, keySlot } from './rowGroups.js';
import { topLevelCalls } from './topLevelCalls.js';

type KeyGroups = Extract<RowGroups, { kind: 'keys' }>;

/** The chart's groups, and the calls computed with them. */
export interface GroupsWithSums {
  readonly target: GroupTarget;
  /** Each call's numbers for the target's groups and, when asked for, its total. */
  readonly ready: readonly Prefetched[];
}

interface Plan {
  readonly call: CallExpr;
  readonly spec: FusedSpec;
  readonly withTotal: boolean;
  readonly frame: Frame;
  readonly rows: Int32Array;
}

interface Chosen {
  readonly frame: Frame;
  readonly plans: Plan[];
  readonly rows: Int32Array;
  readonly groups: KeyGroups;
  readonly columns: readonly { readonly codes: ArrayLike<number>; readonly rows: Int32Array }[];
}

/**
 * The chart's groups over `dims` (`group` numbers them) with its plain-field
 * Sum/Avg/Min/Max/Count calls over its own records. Where the dimensions
 * form a small key space, one pass over the frame, split across the
 * engine's threads, sums each call per combination of the dimensions'
 * symbols and finds each combination's first row: the groups are those
 * combinations in the order of their first rows, as the grouping pass
 * numbers them, so that pass is not run (its row ids are worked out only if
 * something reads them). Only for frames of a quarter of the split threshold
 * up to it: below, the numbering and the sums are too short to split; above,
 * each is split on its own (bench/engine/README.md, "Shapes"). With
 * `totals`, only the calls whose total the same pass gives. `ready` is
 * empty when nothing qualifies.
 */
export function sumsWithGroups(
  scope: ChartScope,
  exprs: readonly Expr[],
  dims: readonly string[],
  totals: GroupTarget | undefined,
  group: () => GroupTarget,
): GroupsWithSums {
  const chosen = dims.length > 0 ? choose(scope, exprs, dims, totals !== undefined) : undefined;
  if (!chosen) return { target: group(), ready: [] };
  const { frame, plans, rows, groups } = chosen;
  const withTotal = plans.some((plan) => plan.withTotal);
  const specs = plans.map((plan) => plan.spec);
  const { results, first } = fusedWithFirstRows(specs, rows, groups, withTotal);
  const { index, slotOf } = groupsByFirstRow(chosen, first);
  scope.knowGroups(frame, dims, index);
  const target = group();
  const ready: Prefetched[] = [];
  plans.forEach((plan, k) => {
    const nums = results[k]!;
    const values =
      target.index === index
        ? Float64Array.from(slotOf, (slot) => nums[slot]!)
        : bySymbols(nums, groups, target);
    ready.push({ target, call: plan.call, values });
    if (plan.withTotal)
      ready.push({
        target: totals!,
        call: plan.call,
        values: toValues(nums.subarray(groups.count)),
      });
  });
  return { target, ready };
}

// The chart's calls when every call over its groups qualifies, over one frame and the same
// rows, and the dimensions' key space; else undefined.
function choose(
  scope: ChartScope,
  exprs: readonly Expr[],
  dims: readonly string[],
  totals: boolean,
): Chosen | undefined {
  let frame: Frame | undefined;
  let rows: Int32Array | undefined;
  const plans: Plan[] = [];
  for (const call of exprs.flatMap(topLevelCalls)) {
    // Over other records (a set) or other groups (TOTAL, ALL): not the chart's groups.
    if (call.set || call.total || call.all) continue;
    if (plans.some((plan) => plan.call === call)) continue;
    const plan = planOf(scope, call, dims, totals);
    // Any other call over the chart's groups reads their row ids, which the grouping pass
    // writes anyway: then that pass runs, and the fused pass over the ids with it.
    if (!plan) return undefined;
    frame ??= plan.frame;
    rows ??= plan.rows;
    if (plan.frame !== frame || plan.rows !== rows) return undefined;
    plans.push(plan);
  }
  if (!frame || !rows || plans.length === 0) return undefined;
  const columns = dims.map((dim) => {
    const { field, codes, rows: dimRows } = scope.fieldIn(frame, dim);
    return { codes, rows: dimRows, cardinality: field.cardinality };
  });
  const groups = keyGroups(columns, frame.length);
  // Every block keeps accumulators over the whole key space, zeroed and merged: past a
  // sixty-fourth of the rows (3 dims at 1M rows: 15,708 slots over 300,000 rows) they cost
  // more than the grouping pass they spare.
  if (groups?.kind !== 'keys' || groups.count * FIXED_BLOCKS * 8 > frame.length) return undefined;
  return { frame, plans, rows, groups, columns };
}

// A plain-field Sum/Avg/Min/Max/Count over the chart's records in a frame of the right size
// (with its total, when totals are asked for), else undefined.
function planOf(
  scope: ChartScope,
  call: CallExpr,
  dims: readonly string[],
  totals: boolean,
): Plan | undefined {
  const op = aggregationOf(call.key)?.columnar;
  const arg = call.args[0];
  if (!op || call.args.length !== 1 || call.distinct) return undefined;
  if (arg?.kind !== 'field' || !scope.model.findField(arg.name)) return undefined;
  let frame: Frame;
  try {
    frame = scope.frame(undefined, [...dims, arg.name]);
  } catch {
    // Evaluated where it fails (prefetchAggregates, then the call itself).
    return undefined;
  }
  if (!runsInFixedBlocks(frame.length)) return undefined;
  const { field, codes, rows } = scope.fieldIn(frame, arg.name);
  // The total reads the field's own frame: when it is this one, or holds the field's rows once.
  const withTotal =
    totals &&
    (scope.frame(undefined, [arg.name]) === frame || scope.holdsFieldRowsOnce(frame, arg.name));
  // A total of another pass: prefetchAggregates computes the call and its total together.
  if (totals && !withTotal) return undefined;
  const spec = { op, codes, nums: fieldNumbers(field), nullCode: field.cardinality };
  return { call, spec, withTotal, frame, rows };
}

// The groups: the slots some row reached, numbered in the order of their first rows.
function groupsByFirstRow(
  { groups, columns, frame }: Chosen,
  first: Float64Array,
): { index: GroupIndex; slotOf: Int32Array } {
  const space = groups.count;
  // Sorted as numbers in one typed array (first row, then slot): no comparator calls.
  let count = 0;
  for (let slot = 0; slot < space; slot++) if (first[slot]! < Infinity) count++;
  const order = new Float64Array(count);
  for (let slot = 0, k = 0; slot < space; slot++)
    if (first[slot]! < Infinity) order[k++] = first[slot]! * space + slot;
  order.sort();
  const slotOf = new Int32Array(count);
  const firstRow = new Int32Array(count);
  for (let g = 0; g < count; g++) {
    const row = Math.floor(order[g]! / space);
    firstRow[g] = row;
    slotOf[g] = order[g]! - row * space;
  }
  const { strides } = groups;
  const keys = columns.map((_, c) => {
    const stride = strides[c]!;
    const radix = (strides[c + 1] ?? space) / stride;
    const column = new Int32Array(count);
    // The last digit of each column is its null code.
    for (let g = 0; g < count; g++) {
      const digit = Math.floor(slotOf[g]! / stride) % radix;
      column[g] = digit === radix - 1 ? -1 : digit;
    }
    return column;
  });
  const ofRow = () => {
    const idOfSlot = new Int32Array(space);
    slotOf.forEach((slot, id) => (idOfSlot[slot] = id));
    const ids = rowArray(Int32Array, frame.length);
    for (let i = 0; i < ids.length; i++) {
      let slot = 0;
      for (let c = 0; c < columns.length; c++)
        slot += columns[c]!.codes[columns[c]!.rows[i]!]! * strides[c]!;
      ids[i] = idOfSlot[slot]!;
    }
    return ids;
  };
  const index = new GroupIndex(count, ofRow, keys, [...strides, space], firstRow);
  return { index, slotOf };
}

// The numbers of the target's groups, read from their key slots (a group no row
// reached holds what an empty one holds: 0 for Sum and Count, NaN for the others).
function bySymbols(nums: Float64Array, groups: KeyGroups, target: GroupTarget): Float64Array {
  const keys = target.index.keys;
  const out = new Float64Array(target.index.count);
  const symbols = new Array<number>(keys.length);
  for (let g = 0; g < out.length; g++) {
    for (let d = 0; d < keys.length; d++) symbols[d] = keys[d]![g]!;
    out[g] = nums[keySlot(groups, symbols)]!;
  }
  return out;
}
