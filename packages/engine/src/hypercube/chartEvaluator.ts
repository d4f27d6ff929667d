import { ChartScope } from '../aggregate/ChartScope.js';
import { fieldsOf } from '../aggregate/evaluateArgument.js';
import { GroupIndex } from '../aggregate/GroupIndex.js';
import { type GroupTarget, MeasureEvaluator } from '../aggregate/MeasureEvaluator.js';
import type { SetResolver } from '../aggregate/RecordSet.js';
import { SetTranslator, type SetSources } from '../aggregate/SetTranslator.js';
import { topLevelCalls } from '../aggregate/topLevelCalls.js';
import { numberOf } from '../aggregate/valueParts.js';
import type { Expr } from '../expression/Expr.js';
import { parseExpression } from '../expression/parseExpression.js';
import type { DataModel } from '../model/DataModel.js';
import type { ScalarFunction } from '../expression/EvalContext.js';
import type { SelectionResult } from '../selection/SelectionResult.js';
import type { FormatSettings } from '../value/FormatSettings.js';

/** How a hypercube is computed besides the model, the selection and the definition. */
export interface HyperCubeOptions {
  /** Number formatting settings of the app (separators). */
  readonly format?: FormatSettings;
  /** Alternate states and bookmarks that set expressions may name. */
  readonly states?: SetSources['state'];
  readonly bookmarks?: SetSources['bookmark'];
  /**
   * The selections whose states the cells and state counts show, when they
   * differ from those the data is computed over (an object in modal
   * selection keeps its data and order while showing the new states).
   */
  readonly display?: SelectionResult;
  /** Functions the app provides to expressions (field selections, document information). */
  readonly functions?: ReadonlyMap<string, ScalarFunction>;
}

/** The evaluator of a chart: its scope (frames, groups, set records) and measures. */
export function chartEvaluator(
  model: DataModel,
  state: SelectionResult,
  options: HyperCubeOptions,
  settings: FormatSettings,
) {
  let scopeRef: ChartScope | undefined;
  let measuresRef: MeasureEvaluator | undefined;
  const translator = new SetTranslator(model, {
    current: state,
    state: options.states,
    bookmark: options.bookmarks,
    searchByExpression: (field, expression) => {
      const values = measuresRef!.evaluate(
        parseExpression(expression),
        chartTarget(scopeRef!, [field.name]),
      );
      const index = chartTarget(scopeRef!, [field.name]).index;
      const truth = new Uint8Array(field.cardinality);
      for (let g = 0; g < index.count; g++) {
        const symbol = index.keys[0]![g]!;
        const num = numberOf(values[g]!);
        if (symbol >= 0 && num === num && num !== 0) truth[symbol] = 1;
      }
      return (symbol) => truth[symbol] === 1;
    },
  });
  const resolveSet: SetResolver = (set) => translator.records(set);
  const scope = (scopeRef = new ChartScope(model, resolveSet));
  const measures = (measuresRef = new MeasureEvaluator(scope, settings, options.functions));
  return { scope, measures };
}

/**
 * The chart's groups: the combinations of `dims` in the current records,
 * joined with the tables of `measureFields` (one group when there are no dims).
 */
export function chartTarget(
  scope: ChartScope,
  dims: readonly string[],
  measureFields: readonly string[] = [],
): GroupTarget {
  if (dims.length === 0) return totalTarget();
  return { dims, index: scope.dimensionGroups(dims, measureFields) };
}

/** The model fields that the measures aggregate over the chart's own records (no set, TOTAL or ALL). */
export function aggregatedFields(exprs: readonly Expr[], scope: ChartScope): string[] {
  const fields = new Set<string>();
  for (const call of exprs.flatMap(topLevelCalls))
    if (!call.set && !call.total && !call.all)
      for (const arg of call.args) fieldsOf(arg, scope, fields);
  return [...fields];
}

/** The one group of a chart with no dimensions (totals). */
export function totalTarget(): GroupTarget {
  return { dims: [], index: new GroupIndex(1, new Int32Array(0), [], [1]) };
}
