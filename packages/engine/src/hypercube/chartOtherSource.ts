import { numberOf } from '../aggregate/valueParts.js';
import type { Expr } from '../expression/Expr.js';
import { parseExpression } from '../expression/parseExpression.js';
import type { DataModel } from '../model/DataModel.js';
import type { Field } from '../model/Field.js';
import type { FieldSelection } from '../selection/FieldSelection.js';
import { SelectionResult } from '../selection/SelectionResult.js';
import { SymbolSet } from '../selection/SymbolSet.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import type { Value } from '../value/Value.js';
import {
  chartEvaluator,
  chartTarget,
  type HyperCubeOptions,
  totalTarget,
} from './chartEvaluator.js';
import type { GroupTarget } from '../aggregate/MeasureEvaluator.js';
import { HyperCubeError } from './HyperCubeError.js';
import type { OtherSource } from './otherGroups.js';
import type { HyperCubeDef } from './QixShapes.js';

/** What a chart's Others rows are computed from. */
export interface ChartOtherInput {
  readonly model: DataModel;
  readonly state: SelectionResult;
  readonly def: HyperCubeDef;
  readonly fields: readonly Field[];
  readonly target: GroupTarget;
  readonly measureExprs: readonly Expr[];
  readonly measureValues: readonly (readonly Value[])[];
  readonly evaluator: ReturnType<typeof chartEvaluator>;
  readonly aggregated: readonly string[];
  readonly options: HyperCubeOptions;
  readonly settings: FormatSettings;
  readonly suppressed: (values: readonly Value[]) => boolean;
}

/**
 * The OtherSource of a chart: ranking values come from its evaluator; an
 * Others row's measures are computed over the records its values select,
 * as a temporary selection on top of the chart's own (so Count, Avg and
 * distinct counts are right, not sums of the rows').
 */
export function chartOtherSource(input: ChartOtherInput): OtherSource {
  const { model, state, fields, target, evaluator, measureExprs } = input;
  const dims = fields.map((field) => field.name);
  return {
    dimensions: input.def.qDimensions ?? [],
    isField: (d) => fields[d]!.index >= 0,
    key: (g, d) => target.index.keys[d]![g]!,
    measureValues: input.measureValues,
    levelValues(depth, m) {
      const level = chartTarget(evaluator.scope, dims.slice(0, depth), [...input.aggregated]);
      const values = evaluator.measures.evaluate(measureExprs[m]!, level);
      return (symbols) => {
        const group = level.index.find(symbols);
        return group >= 0 ? values[group]! : null;
      };
    },
    evaluate(expression) {
      const text = expression.trim().replace(/^=/, '');
      let expr: Expr;
      try {
        expr = parseExpression(text === '' ? '0' : text);
      } catch (error) {
        throw new HyperCubeError(
          'LOCERR_CALC_INVALID_DEF',
          `Dimension limit: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      }
      return evaluator.measures.evaluate(expr, totalTarget())[0] ?? null;
    },
    restrictedMeasures(restrictions) {
      const selections = new Map<number, FieldSelection>(state.selections);
      for (const [d, symbols] of restrictions) {
        const field = fields[d]!;
        const existing = selections.get(field.index);
        let values = SymbolSet.of(field.cardinality, symbols);
        if (existing) values = values.intersect(existing.values);
        selections.set(field.index, { values, locked: existing?.locked ?? false });
      }
      const restricted = SelectionResult.fromSelections(model, selections);
      const scoped = chartEvaluator(model, restricted, input.options, input.settings);
      return measureExprs.map((expr) => scoped.measures.evaluate(expr, totalTarget())[0] ?? null);
    },
    suppressed: input.suppressed,
  };
}

/** Whether a value counts as zero for qSuppressZero (null or a number 0). */
export function isZeroOrNull(value: Value): boolean {
  return value === null || numberOf(value) === 0;
}
