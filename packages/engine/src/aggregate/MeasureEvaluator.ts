import { compileExpression } from '../expression/compileExpression.js';
import { evaluate } from '../expression/evaluate.js';
import type { EvalContext, ScalarFunction } from '../expression/EvalContext.js';
import type { CallExpr, Expr, SetExpression } from '../expression/Expr.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import type { Value } from '../value/Value.js';
import type { AggregationSpec } from '../expression/aggregations/AggregationSpec.js';
import { checkAggregationCall } from '../expression/aggregations/checkAggregationCall.js';
import { CHART_FUNCTIONS, type ChartFunctionSpec } from '../expression/chartFunctions.js';
import { AggregateError } from './AggregateError.js';
import { type ChartFunctionResult, chartFunctionValues } from './chartFunctionValues.js';
import type { ChartRows } from './ChartRows.js';
import { aggregateItems, aggregateNumbers } from './aggregateItems.js';
import { asNumbers, toValues } from './numberedValues.js';
import type { ChartScope } from './ChartScope.js';
import { evaluateArgument, fieldsOf } from './evaluateArgument.js';
import type { Frame } from './Frame.js';
import type { GroupIndex } from './GroupIndex.js';
import { groupArithmetic, isArithmetic, negateGroups } from './groupArithmetic.js';
import { mapToTarget } from './mapToTarget.js';
import { type Prefetched, prefetchAggregates } from './prefetchAggregates.js';
import { sumsWithGroups } from './sumsWithGroups.js';
import { sumPerRow } from './sumPerRow.js';
import type { RowArgument } from './RowArgument.js';

/** Groups an expression is evaluated for: the dimension fields and their groups. */
export interface GroupTarget {
  readonly dims: readonly string[];
  /** Groups over the dims; `keys[d]` holds dim d's symbol per group. */
  readonly index: GroupIndex;
  /**
   * How the groups lie as a chart's sorted rows, for the inter-record and
   * ranking functions; without it (totals, list searches) they are NULL.
   */
  readonly rows?: ChartRows;
}

// `{1}`: all records, used by the ALL qualifier.
const ALL_RECORDS: SetExpression = {
  kind: 'setEntity',
  identifier: '1',
  explicitIdentifier: true,
  modifiers: [],
};

/**
 * Evaluates chart expressions (measures) for every group of a target at once:
 * each aggregation call is computed for all groups in one pass over its
 * frame, then the scalar parts combine the per-group results.
 */
export class MeasureEvaluator {
  private readonly prefetched = new Map<GroupIndex, Map<CallExpr, Value[] | Float64Array>>();
  // Aggr's inner table per composite grouping and inner expression: a chart's
  // rows and its grand total read the same one (10M rows: 1.6M inner sums).
  private readonly aggrInner = new WeakMap<GroupIndex, Map<Expr, Value[] | Float64Array>>();

  constructor(
    private readonly scope: ChartScope,
    private readonly format: FormatSettings,
    /** Functions the app provides to expressions, keyed by upper-cased name. */
    private readonly functions?: ReadonlyMap<string, ScalarFunction>,
  ) {}

  /** The value of `expr` for each group of `target`. */
  evaluate(expr: Expr, target: GroupTarget): Value[] {
    const count = target.index.count;
    switch (expr.kind) {
      case 'number':
      case 'string':
        return new Array<Value>(count).fill(expr.value);
      case 'field':
        return this.evaluate(onlyOf(expr), target);
      case 'call': {
        if (expr.key === 'AGGR') return this.aggregateCall(onlyOf(expr), target);
        if (expr.aggregation) return this.aggregateCall(expr, target);
        const chart = CHART_FUNCTIONS.get(expr.key);
        if (chart) return this.chartCall(expr, chart, target).map(firstOfRange);
        return this.evaluateScalar(expr, target);
      }
      case 'unary':
        if (expr.op === '-') return negateGroups(this.evaluate(expr.operand, target));
        return this.evaluateScalar(expr, target);
      case 'binary':
        if (isArithmetic(expr.op)) {
          return groupArithmetic(
            expr.op,
            this.evaluate(expr.left, target),
            this.evaluate(expr.right, target),
          );
        }
        return this.evaluateScalar(expr, target);
    }
  }

  /**
   * Computes ahead the Sum/Avg/Min/Max/Count calls of `exprs` over the
   * target's own frame (see prefetchAggregates), so that evaluating the
   * expressions afterwards finds them ready; given a `totals` target (no
   * dimensions), their totals too where the same passes give them.
   */
  prefetch(exprs: readonly Expr[], target: GroupTarget, totals?: GroupTarget): void {
    this.keep(prefetchAggregates(this.scope, this.format, this.functions, exprs, target, totals));
  }

  /**
   * `prefetch` for the chart groups that `group` numbers over `dims`, the
   * plain-field calls over the chart's own records computed in one pass
   * with the groups where they can be (sumsWithGroups.ts); returns the
   * groups.
   */
  prefetchWithGroups(
    exprs: readonly Expr[],
    dims: readonly string[],
    group: () => GroupTarget,
    totals?: GroupTarget,
  ): GroupTarget {
    const { target, ready } = sumsWithGroups(this.scope, exprs, dims, totals, group);
    this.keep(ready);
    const done = new Set(ready.map((item) => item.call));
    const rest = prefetchAggregates(
      this.scope,
      this.format,
      this.functions,
      exprs,
      target,
      totals,
      done,
    );
    this.keep(rest);
    return target;
  }

  private keep(ready: readonly Prefetched[]): void {
    for (const { target: into, call, values } of ready) {
      let calls = this.prefetched.get(into.index);
      if (!calls) this.prefetched.set(into.index, (calls = new Map()));
      calls.set(call, values);
    }
  }

  /** One aggregation call (`Sum(...)`, `Count(DISTINCT ...)`, ...) for each group of `target`. */
  aggregateCall(call: CallExpr, target: GroupTarget): Value[] {
    const result = this.aggregateValuesOrNumbers(call, target);
    if (!(result instanceof Float64Array)) return result;
    const values = toValues(result);
    // Made values once: a prefetched call read again (a total, a sort expression) reads these.
    const calls = this.prefetched.get(target.index);
    if (calls?.get(call) === result) calls.set(call, values);
    return values;
  }

  /**
   * A measure that is one prefetched aggregation call, as the numbers (NaN
   * for null) its pass computed for the target's groups; undefined for any
   * other expression (evaluate it).
   */
  prefetchedNumbers(expr: Expr, target: GroupTarget): Float64Array | undefined {
    if (expr.kind !== 'call' || !expr.aggregation || expr.key === 'AGGR') return undefined;
    const ready = this.prefetched.get(target.index)?.get(expr);
    return ready && asNumbers(ready);
  }

  // The call's results as numbers (NaN for null) when a columnar kernel computes
  // them for the target's own groups, so that Aggr's inner table stays unboxed.
  private aggregateValuesOrNumbers(call: CallExpr, target: GroupTarget): Value[] | Float64Array {
    const ready = this.prefetched.get(target.index)?.get(call);
    if (ready) return ready;
    const spec = checkAggregationCall(call, 'chart');
    const dims = callDims(call, target);
    const set = call.all ? ALL_RECORDS : call.set;
    const main = call.args[0];
    const items =
      main?.kind === 'call' && main.key === 'AGGR'
        ? this.aggrItems(main, set, dims, readsNumbersOnly(spec, call))
        : this.frameItems(call, set, dims, readsNumbersOnly(spec, call));
    const rows = this.rowArguments(call, spec, items);
    const constants = this.constants(call, spec);
    const distinct = call.distinct === 'distinct';
    const options = { spec, distinct, rows, constants };
    if (items.index === target.index) {
      const nums = aggregateNumbers(options, items.ofItem, items.index.count);
      if (nums) return nums;
    }
    const perGroup = aggregateItems(options, items.ofItem, items.index.count);
    return mapToTarget(perGroup, items.index, dims, target, spec.empty);
  }

  private frameItems(
    call: CallExpr,
    set: SetExpression | undefined,
    dims: readonly string[],
    numbersSuffice: boolean,
  ) {
    const fields = new Set(dims);
    for (const arg of call.args) fieldsOf(arg, this.scope, fields);
    const frame = this.scope.frame(set, [...fields]);
    const index = this.scope.groups(frame, dims);
    const main = call.args[0];
    const arg: RowArgument =
      !main || isStar(main)
        ? { kind: 'star', length: frame.length }
        : evaluateArgument(main, frame, this.scope, this.format, this.functions, numbersSuffice);
    return { frame, index, arg, ofItem: index.ofRow };
  }

  // Aggr(inner, dims...) is a virtual table: one item per combination of the
  // outer groups and the Aggr dimensions, holding `inner` for it.
  // With `numbers`, the outer call reads the inner values as numbers only.
  private aggrItems(
    aggr: CallExpr,
    set: SetExpression | undefined,
    dims: readonly string[],
    numbers: boolean,
  ) {
    const [inner, ...dimArgs] = aggr.args;
    if (!inner)
      throw new AggregateError('BAD_ARGUMENTS', 'Aggr() needs an expression and dimensions');
    const aggrDims = dimArgs.map(dimensionName);
    const allDims = [...new Set([...dims, ...aggrDims])];
    const frame = this.scope.frame(aggr.set ?? set, allDims);
    const index = this.scope.groups(frame, dims);
    const composite = this.scope.groups(frame, allDims);
    const ofRows = () => index.ofRow.subarray(0);
    const perRow =
      numbers && composite.count === frame.length && sumPerRow(this.scope, inner, allDims, frame);
    if (perRow) return { frame, index, arg: perRow, ofItem: ofRows() };
    const innerTarget = { dims: allDims, index: composite };
    let computed = this.aggrInner.get(composite);
    if (!computed) this.aggrInner.set(composite, (computed = new Map()));
    let innerValues = computed.get(inner);
    if (!innerValues) {
      innerValues =
        inner.kind === 'call' && inner.aggregation && inner.key !== 'AGGR'
          ? this.aggregateValuesOrNumbers(inner, innerTarget)
          : this.evaluate(inner, innerTarget);
      computed.set(inner, innerValues);
    }
    const arg: RowArgument =
      innerValues instanceof Float64Array
        ? { kind: 'numbers', values: innerValues }
        : asArgument(innerValues);
    // Every frame row its own inner group (ids run in first-row order, so group g is row g):
    // each group's parent is its row's outer group, with no pass to work it out. A view of
    // its own, so rowArguments still tells the Aggr table from the frame rows.
    const ofItem = composite.count === frame.length ? ofRows() : composite.parentsIn(index);
    return { frame, index, arg, ofItem };
  }

  // The row parameters after the first (sort weights, a second series) run over the same frame.
  private rowArguments(
    call: CallExpr,
    spec: AggregationSpec,
    items: { frame: Frame; arg: RowArgument; ofItem: Int32Array; index: GroupIndex },
  ): RowArgument[] {
    const rows: RowArgument[] = [];
    spec.params.forEach((param, i) => {
      const arg = call.args[i];
      if (param.role !== 'row' || !arg) return;
      if (rows.length === 0 && i === 0) {
        rows.push(items.arg);
        return;
      }
      if (items.ofItem !== items.index.ofRow) {
        throw new AggregateError(
          'BAD_ARGUMENTS',
          `${spec.name}() cannot combine an Aggr() table with other per-record arguments`,
        );
      }
      rows.push(evaluateArgument(arg, items.frame, this.scope, this.format, this.functions));
    });
    return rows;
  }

  private constants(call: CallExpr, spec: AggregationSpec): (Value | undefined)[] {
    const constants: (Value | undefined)[] = [];
    spec.params.forEach((param, i) => {
      if (param.role !== 'constant' || spec.variadic) return;
      const arg = call.args[i];
      constants.push(arg ? this.constant(arg) : undefined);
    });
    return constants;
  }

  private constant(expr: Expr): Value {
    if (expr.kind === 'number' || expr.kind === 'string') return expr.value;
    if (expr.kind === 'unary' && expr.op === '-' && expr.operand.kind === 'number')
      return -expr.operand.value;
    return evaluate(expr, { format: this.format, field: () => undefined });
  }

  /** A chart inter-record or ranking function for each group of `target` (ranges as arrays). */
  chartCall(call: CallExpr, spec: ChartFunctionSpec, target: GroupTarget): ChartFunctionResult[] {
    return chartFunctionValues(call, spec, target.index.count, target.rows, (expr) =>
      this.evaluate(expr, target),
    );
  }

  // Anything else (functions, comparisons, &): the expression evaluator runs
  // once per group, with the group's aggregation results plugged in.
  private evaluateScalar(expr: Expr, target: GroupTarget): Value[] {
    const results = new Map<CallExpr, Value[]>();
    const fieldResults = new Map<string, Value[]>();
    const chartResults = new Map<CallExpr, ChartFunctionResult[]>();
    let group = 0;
    const chartValue = (call: CallExpr): ChartFunctionResult => {
      let values = chartResults.get(call);
      if (!values)
        chartResults.set(
          call,
          (values = this.chartCall(call, CHART_FUNCTIONS.get(call.key)!, target)),
        );
      return values[group]!;
    };
    const ctx: EvalContext = {
      functions: this.functions,
      interRecord: (call) => firstOfRange(chartValue(call)),
      interRecordRange: (call) => {
        const value = chartValue(call);
        return isRange(value) ? value : [value];
      },
      format: this.format,
      field: (name) => {
        if (!this.scope.model.findField(name)) return undefined;
        let values = fieldResults.get(name);
        if (!values)
          fieldResults.set(name, (values = this.evaluate(onlyOf(fieldRef(name)), target)));
        return values[group];
      },
      aggregate: (call) => {
        let values = results.get(call);
        if (!values)
          results.set(
            call,
            (values = this.aggregateCall(call.key === 'AGGR' ? onlyOf(call) : call, target)),
          );
        return values[group]!;
      },
    };
    const compiled = compileExpression(expr);
    const out: Value[] = new Array(target.index.count);
    for (group = 0; group < out.length; group++) out[group] = compiled(ctx);
    return out;
  }
}

function isRange(value: ChartFunctionResult): value is readonly Value[] {
  return Array.isArray(value);
}

// A range where one value is wanted: its first.
function firstOfRange(value: ChartFunctionResult): Value {
  return isRange(value) ? (value[0] ?? null) : value;
}

function callDims(call: CallExpr, target: GroupTarget): readonly string[] {
  if (call.all) return [];
  if (!call.total) return target.dims;
  const kept = call.total.fields;
  return kept ? target.dims.filter((dim) => kept.includes(dim)) : [];
}

// Sum, Avg, Min and Max of one argument read its numbers only (text counts as NULL).
function readsNumbersOnly(spec: AggregationSpec, call: CallExpr): boolean {
  const kernel = spec.columnar;
  return kernel !== undefined && kernel !== 'count' && call.args.length === 1 && !call.distinct;
}

function isStar(expr: Expr): boolean {
  return expr.kind === 'field' && expr.name === '*';
}

function dimensionName(expr: Expr): string {
  if (expr.kind === 'field') return expr.name;
  throw new AggregateError('BAD_ARGUMENTS', 'Aggr() dimensions must be field names');
}

function fieldRef(name: string): Expr {
  return { kind: 'field', name, quoting: 'bracket', start: 0 };
}

// A field or Aggr outside any aggregation means Only() of it in a chart.
function onlyOf(expr: Expr): CallExpr {
  return { kind: 'call', name: 'Only', key: 'ONLY', args: [expr], aggregation: true, start: 0 };
}

function asArgument(values: Value[]): RowArgument {
  const nums = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value !== null && typeof value !== 'number') return { kind: 'values', values };
    nums[i] = value === null ? NaN : value;
  }
  return { kind: 'numbers', values: nums };
}
