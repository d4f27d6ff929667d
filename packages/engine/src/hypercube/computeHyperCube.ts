import { calculatedField } from '../aggregate/CalculatedField.js';
import type { ChartScope } from '../aggregate/ChartScope.js';
import type { Expr } from '../expression/Expr.js';
import { parseExpression } from '../expression/parseExpression.js';
import type { DataModel } from '../model/DataModel.js';
import type { Field } from '../model/Field.js';
import type { SelectionResult } from '../selection/SelectionResult.js';
import { DEFAULT_FORMAT_SETTINGS, type FormatSettings } from '../value/FormatSettings.js';
import type { Value } from '../value/Value.js';
import type { MeasureValues } from '../aggregate/numberedValues.js';
import {
  CellGrid,
  ComputedHyperCube,
  type DimensionColumn,
  type MeasureColumn,
  valueCell,
} from './ComputedHyperCube.js';
import { HyperCubeError } from './HyperCubeError.js';
import {
  aggregatedFields,
  chartEvaluator,
  chartTarget,
  type HyperCubeOptions,
  totalTarget,
} from './chartEvaluator.js';
import { usesChartFunctions } from './chartFunctionMeasures.js';
import { invalidHyperCube } from './invalidHyperCube.js';
import { isZeroOrNull } from './chartOtherSource.js';
import { dimensionInfo, measureInfo, shownKeys, shownValues, stateLetterOf } from './columnInfo.js';
import {
  groupedRows,
  hasOthers,
  interColumnOrder,
  keptGroups,
  sortedRows,
  withoutMeasureSorting,
} from './layOutRows.js';
import { parseMeasure } from './parseMeasure.js';
import type { HyperCube, HyperCubeDef, NxDimension } from './QixShapes.js';

/**
 * Computes a `qHyperCubeDef` into its `qHyperCube` layout: one row per
 * combination of dimension values present in the possible records, the
 * measures per row, suppression, sorting, grand totals and the initial pages.
 */
export function computeHyperCube(
  model: DataModel,
  state: SelectionResult,
  def: HyperCubeDef,
  options: HyperCubeOptions = {},
): ComputedHyperCube {
  const settings = options.format ?? DEFAULT_FORMAT_SETTINGS;
  const dimensionDefs = def.qDimensions ?? [];
  const measureDefs = def.qMeasures ?? [];
  const evaluator = chartEvaluator(model, state, options, settings);
  // A dimension or measure that cannot be computed makes a layout with qError, as in Qlik.
  const errors = {
    dimensions: [] as (string | undefined)[],
    measures: [] as (string | undefined)[],
  };
  const fields = dimensionDefs.map((dimension, d) =>
    definitionOrError(
      () => dimensionField(model, dimension, d, evaluator.scope, settings),
      errors.dimensions,
      d,
    ),
  );
  const measureExprs = measureDefs.map((measure, m) =>
    definitionOrError(() => parseMeasure(measure.qDef?.qDef, m), errors.measures, m),
  );
  if (errors.dimensions.length > 0 || errors.measures.length > 0)
    return invalidHyperCube(def, errors, settings);
  return computeValidHyperCube(model, state, def, options, {
    evaluator,
    fields: fields as Field[],
    measureExprs: measureExprs as Expr[],
  });
}

/** Runs `resolve`, noting at `errors[index]` why the definition is invalid when it is. */
function definitionOrError<T>(
  resolve: () => T,
  errors: (string | undefined)[],
  index: number,
): T | undefined {
  try {
    return resolve();
  } catch (error) {
    if (!(error instanceof HyperCubeError) || error.code !== 'LOCERR_CALC_INVALID_DEF') throw error;
    errors[index] = error.message;
    return undefined;
  }
}

function computeValidHyperCube(
  model: DataModel,
  state: SelectionResult,
  def: HyperCubeDef,
  options: HyperCubeOptions,
  resolved: {
    evaluator: ReturnType<typeof chartEvaluator>;
    fields: Field[];
    measureExprs: Expr[];
  },
): ComputedHyperCube {
  const settings = options.format ?? DEFAULT_FORMAT_SETTINGS;
  const dimensionDefs = def.qDimensions ?? [];
  const measureDefs = def.qMeasures ?? [];
  const { evaluator, fields, measureExprs } = resolved;
  const display = options.display ?? state;
  const dims = fields.map((field) => field.name);
  const aggregated = aggregatedFields(measureExprs, evaluator.scope);
  const totalsTarget = totalTarget();
  const target = evaluator.measures.prefetchWithGroups(
    measureExprs,
    dims,
    () => chartTarget(evaluator.scope, dims, aggregated),
    totalsTarget,
  );
  // Measures that read other rows (Above, RowNo, Rank) wait until the rows are sorted.
  const readsRows = measureExprs.map(usesChartFunctions);
  const grouped = readsRows.some(Boolean) || hasOthers(dimensionDefs);
  // Rows laid out without Others keep a plain aggregation's numbers as computed (no value per group).
  const measureValues: MeasureValues[] = measureExprs.map((expr, m) =>
    readsRows[m]
      ? new Array<Value>(target.index.count).fill(null)
      : (!grouped && evaluator.measures.prefetchedNumbers(expr, target)) ||
        evaluator.measures.evaluate(expr, target),
  );

  const suppressed = suppression(def);
  const kept = keptGroups(
    dimensionDefs,
    target,
    measureValues.filter((_, m) => !readsRows[m]),
    suppressed,
    def.qSuppressZero === true || def.qSuppressMissing === true,
  );
  // As in Qlik, a chart whose measures read other rows does not sort by measures.
  const sortDef = readsRows.some(Boolean) ? withoutMeasureSorting(def) : def;
  const sortOrder = interColumnOrder(sortDef, fields.length + measureValues.length);
  const sortInput = { def: sortDef, fields, target, measureValues, state, evaluator, dims };
  const laidOut = grouped
    ? groupedRows(kept, sortOrder, sortInput, {
        model,
        state,
        def,
        fields,
        target,
        measureExprs,
        // Evaluated as values when grouped (above).
        measureValues: measureValues as Value[][],
        evaluator,
        aggregated,
        options,
        settings,
        suppressed,
        readsRows,
      })
    : sortedRows(kept, sortOrder, sortInput);
  const { order } = laidOut;
  // The chart's groups already list the values its dimensions have in the current rows.
  const presentOf: (Uint8Array | undefined)[] = [];
  if (display === state)
    fields.forEach((field, d) => {
      const present = evaluator.scope.currentValues(target.index, d, field);
      if (present) state.notePossible(field, present);
      presentOf[d] = present;
    });

  const dimensionColumns: DimensionColumn[] = fields.map((field, d) => ({
    field,
    keys: laidOut.keys[d]!,
    stateOf: stateLetterOf(display, field),
    otherLabel: laidOut.otherLabels[d],
    otherSymbols: laidOut.otherSymbols[d],
  }));
  const measureColumns: MeasureColumn[] = measureDefs.map((measure, m) => ({
    values: laidOut.values[m]!,
    format: measure.qDef?.qNumFormat,
  }));
  const totals = measureExprs.map((expr) => evaluator.measures.evaluate(expr, totalsTarget)[0]!);

  const layout: HyperCube = {
    qStateName: def.qStateName ?? '$',
    qSize: { qcx: fields.length + measureDefs.length, qcy: order.length },
    qDimensionInfo: fields.map((field, d) => {
      const shown = shownKeys(dimensionColumns[d]!.keys, order);
      // The groups' own keys, all shown: the symbols marked present above are the ones shown.
      const present = shown === target.index.keys[d] ? presentOf[d] : undefined;
      return dimensionInfo(
        field,
        dimensionDefs[d]!,
        shown,
        display,
        settings,
        fields.length === 1,
        present,
      );
    }),
    qMeasureInfo: measureDefs.map((measure, m) =>
      measureInfo(measure, shownValues(measureColumns[m]!.values, order)),
    ),
    qEffectiveInterColumnSortOrder: interColumnOrder(def, fields.length + measureDefs.length),
    // Total cells as Qlik sends them: element -1, state X, flagged qIsTotalCell.
    qGrandTotalRow: totals.map((total, m) => ({
      ...valueCell(total, measureDefs[m]!.qDef?.qNumFormat, settings),
      qElemNumber: -1,
      qState: 'X',
      qIsTotalCell: true,
    })),
    qDataPages: [],
    qPivotDataPages: [],
    qStackedDataPages: [],
    qMode: 'S',
    qNoOfLeftDims: -1,
    qTitle: '',
    qCalcCondMsg: '',
    qColumnOrder: [],
  };
  const grid = new CellGrid(dimensionColumns, measureColumns, order, settings);
  layout.qDataPages = grid.pages(def.qInitialDataFetch ?? []);
  const cube = new ComputedHyperCube(layout, grid);
  return cube;
}

function dimensionField(
  model: DataModel,
  dimension: NxDimension,
  d: number,
  scope: ChartScope,
  settings: FormatSettings,
): Field {
  const raw = dimension.qDef?.qFieldDefs?.[0];
  if (!raw) throw new HyperCubeError('LOCERR_CALC_INVALID_DEF', `Dimension ${d} has no qFieldDefs`);
  if (raw.trimStart().startsWith('='))
    return calculatedDimension(model, raw.trim(), d, scope, settings);
  const name = raw.trim().replace(/^\[(.*)\]$/, '$1');
  const field = model.findField(name);
  if (!field)
    throw new HyperCubeError('LOCERR_CALC_INVALID_DEF', `Dimension ${d}: field not found: ${name}`);
  return field;
}

function calculatedDimension(
  model: DataModel,
  raw: string,
  d: number,
  scope: ChartScope,
  settings: FormatSettings,
): Field {
  let expr: Expr;
  try {
    expr = parseExpression(raw.slice(1));
  } catch (error) {
    throw new HyperCubeError(
      'LOCERR_CALC_INVALID_DEF',
      `Dimension ${d}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const calculated = calculatedField(model, raw, expr, settings);
  scope.addCalculated(calculated);
  return calculated.field;
}

/** Whether a row's measures suppress it: all zero or null (qSuppressZero), all null (qSuppressMissing). */
function suppression(def: HyperCubeDef): (values: readonly Value[]) => boolean {
  return (values) =>
    values.length > 0 &&
    ((def.qSuppressZero === true && values.every(isZeroOrNull)) ||
      (def.qSuppressMissing === true && values.every((value) => value === null)));
}
