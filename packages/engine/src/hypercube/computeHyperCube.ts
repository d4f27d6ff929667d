import { calculatedField } from '../aggregate/CalculatedField.js';
import type { ChartScope } from '../aggregate/ChartScope.js';
import type { GroupTarget } from '../aggregate/MeasureEvaluator.js';
import { numberOf } from '../aggregate/valueParts.js';
import type { Expr } from '../expression/Expr.js';
import { parseExpression } from '../expression/parseExpression.js';
import type { DataModel } from '../model/DataModel.js';
import type { Field } from '../model/Field.js';
import type { SelectionResult } from '../selection/SelectionResult.js';
import { stateOfCode } from '../selection/ValueState.js';
import { DEFAULT_FORMAT_SETTINGS, type FormatSettings } from '../value/FormatSettings.js';
import type { Value } from '../value/Value.js';
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
import { fieldNumFormat } from './fieldNumFormat.js';
import { invalidHyperCube } from './invalidHyperCube.js';
import { evaluateChartFunctionMeasures, usesChartFunctions } from './chartFunctionMeasures.js';
import { chartOtherSource, isZeroOrNull } from './chartOtherSource.js';
import { groupOthers } from './otherGroups.js';
import type {
  HyperCube,
  HyperCubeDef,
  NxDimension,
  NxDimensionInfo,
  NxMeasure,
  NxMeasureInfo,
  StateEnumType,
} from './QixShapes.js';
import {
  dimensionComparator,
  type GroupComparator,
  measureComparator,
  sortIndicator,
} from './sortGroups.js';

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
  const target = chartTarget(evaluator.scope, dims, aggregated);
  const totalsTarget = totalTarget();
  evaluator.measures.prefetch(measureExprs, target, totalsTarget);
  // Measures that read other rows (Above, RowNo, Rank) wait until the rows are sorted.
  const readsRows = measureExprs.map(usesChartFunctions);
  const measureValues = measureExprs.map((expr, m) =>
    readsRows[m]
      ? new Array<Value>(target.index.count).fill(null)
      : evaluator.measures.evaluate(expr, target),
  );

  const suppressed = suppression(def);
  const kept = keptGroups(
    dimensionDefs,
    target,
    measureValues.filter((_, m) => !readsRows[m]),
    suppressed,
  );
  // As in Qlik, a chart whose measures read other rows does not sort by measures.
  const sortDef = readsRows.some(Boolean) ? withoutMeasureSorting(def) : def;
  const compareColumn = columnComparator(
    sortDef,
    fields,
    target,
    measureValues,
    state,
    evaluator,
    dims,
  );
  const sortOrder = interColumnOrder(sortDef, fields.length + measureValues.length);
  const order = sortedGroups(kept, sortOrder.map(compareColumn));
  if (readsRows.some(Boolean))
    evaluateChartFunctionMeasures(evaluator.measures, measureExprs, measureValues, target, {
      order,
      dims: fields.length,
      leftDims: pivotLeftDimensions(def, fields.length),
      sortOrder,
      compareColumn,
    });
  const rows = groupOthers(
    order,
    chartOtherSource({
      model,
      state,
      def,
      fields,
      target,
      measureExprs,
      measureValues,
      evaluator,
      aggregated,
      options,
      settings,
      suppressed,
    }),
  );
  const rowCount = fields.length > 0 ? rows.keys[0]!.length : order.length;

  const dimensionColumns: DimensionColumn[] = fields.map((field, d) => ({
    field,
    keys: rows.keys[d]!,
    states: stateLetters(display, field),
    otherLabel: rows.otherLabels[d]!,
    otherSymbols: rows.otherSymbols[d]!,
  }));
  const measureColumns: MeasureColumn[] = measureDefs.map((measure, m) => ({
    values: rows.values[m]!,
    format: measure.qDef?.qNumFormat,
  }));
  const totals = measureExprs.map((expr) => evaluator.measures.evaluate(expr, totalsTarget)[0]!);

  const layout: HyperCube = {
    qStateName: def.qStateName ?? '$',
    qSize: { qcx: fields.length + measureDefs.length, qcy: rowCount },
    qDimensionInfo: fields.map((field, d) =>
      dimensionInfo(field, dimensionDefs[d]!, dimensionColumns[d]!, display, settings),
    ),
    qMeasureInfo: measureDefs.map((measure, m) => measureInfo(measure, measureColumns[m]!)),
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
  const grid = new CellGrid(dimensionColumns, measureColumns, rowCount, settings);
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

function parseMeasure(source: string | undefined, m: number): Expr {
  if (!source || !source.trim())
    throw new HyperCubeError('LOCERR_CALC_INVALID_DEF', `Measure ${m} has no qDef`);
  const text = source.trimStart().startsWith('=') ? source.trimStart().slice(1) : source;
  try {
    return parseExpression(text);
  } catch (error) {
    throw new HyperCubeError(
      'LOCERR_CALC_INVALID_DEF',
      `Measure ${m}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

// Null suppression per dimension, then qSuppressZero / qSuppressMissing over the measures.
function keptGroups(
  dimensionDefs: readonly NxDimension[],
  target: GroupTarget,
  measureValues: readonly Value[][],
  suppressed: (values: readonly Value[]) => boolean,
): number[] {
  const kept: number[] = [];
  const nullSuppressed = dimensionDefs.map((dimension) => dimension.qNullSuppression === true);
  for (let g = 0; g < target.index.count; g++) {
    if (nullSuppressed.some((on, d) => on && target.index.keys[d]![g]! < 0)) continue;
    if (suppressed(measureValues.map((values) => values[g]!))) continue;
    kept.push(g);
  }
  return kept;
}

/** Whether a row's measures suppress it: all zero or null (qSuppressZero), all null (qSuppressMissing). */
function suppression(def: HyperCubeDef): (values: readonly Value[]) => boolean {
  return (values) =>
    values.length > 0 &&
    ((def.qSuppressZero === true && values.every(isZeroOrNull)) ||
      (def.qSuppressMissing === true && values.every((value) => value === null)));
}

function interColumnOrder(def: HyperCubeDef, width: number): number[] {
  const given = def.qInterColumnSortOrder?.filter(
    (c) => Number.isInteger(c) && c >= 0 && c < width,
  );
  if (given && given.length > 0) return given;
  return Array.from({ length: width }, (_, c) => c);
}

/** The comparator of column c (a dimension or a measure) by its sort criteria. */
function columnComparator(
  def: HyperCubeDef,
  fields: readonly Field[],
  target: GroupTarget,
  measureValues: readonly Value[][],
  state: SelectionResult,
  evaluator: ReturnType<typeof chartEvaluator>,
  dims: readonly string[],
): (c: number) => GroupComparator {
  return (c) => {
    if (c >= fields.length)
      return measureComparator(
        measureValues[c - fields.length]!,
        def.qMeasures?.[c - fields.length]?.qSortBy,
      );
    const criteria = def.qDimensions?.[c]?.qDef?.qSortCriterias?.[0] ?? { qSortByLoadOrder: 1 };
    const sortExpression = criteria.qSortByExpression ? criteria.qExpression?.qv : undefined;
    const expression = sortExpression
      ? evaluator.measures.evaluate(parseMeasure(sortExpression, c), target)
      : undefined;
    const field = fields[c]!;
    return dimensionComparator(
      {
        keys: target.index.keys[c]!,
        nums: field.symbols.nums,
        texts: field.symbols.texts,
        stateRank: criteria.qSortByState ? stateRanks(state, field) : NO_RANKS,
        frequency: criteria.qSortByFrequency ? frequencies(evaluator, dims, field) : NO_COUNTS,
        expression,
      },
      criteria,
    );
  };
}

function sortedGroups(kept: number[], comparators: readonly GroupComparator[]): number[] {
  return kept.sort((a, b) => {
    for (const compare of comparators) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return a - b;
  });
}

function withoutMeasureSorting(def: HyperCubeDef): HyperCubeDef {
  return {
    ...def,
    qMeasures: def.qMeasures?.map((measure) => ({ ...measure, qSortBy: undefined })),
  };
}

/** How many dimensions a pivot table (qMode P) puts on the left; all of them otherwise. */
function pivotLeftDimensions(def: HyperCubeDef, dims: number): number {
  const mode = String(def.qMode ?? 'S');
  if (mode !== 'P' && mode !== 'DATA_MODE_PIVOT') return dims;
  const left = typeof def.qNoOfLeftDims === 'number' ? def.qNoOfLeftDims : -1;
  return left < 0 ? dims : Math.min(left, dims);
}

// Stand-ins for per-symbol data a comparator only reads when its criteria ask for it.
const NO_RANKS = new Uint8Array(0);
const NO_COUNTS = new Float64Array(0);

/** The state letter of every value of a field. */
export function stateLetters(state: SelectionResult, field: Field): StateEnumType[] {
  if (isCalculated(field)) return new Array<StateEnumType>(field.cardinality).fill('O');
  return Array.from(state.stateCodes(field), (code) => stateOfCode(code) as StateEnumType);
}

// Selected (and locked) values first, then possible, alternative, excluded.
/** Sort rank of every value's state. */
export function stateRanks(state: SelectionResult, field: Field): Uint8Array {
  if (isCalculated(field)) return new Uint8Array(field.cardinality).fill(1);
  const rankOf: Record<string, number> = { S: 0, L: 0, O: 1, A: 2, D: 2, X: 3, XS: 3, XL: 3 };
  return Uint8Array.from(state.stateCodes(field), (code) => rankOf[stateOfCode(code)]!);
}

function frequencies(
  evaluator: ReturnType<typeof chartEvaluator>,
  dims: readonly string[],
  field: Field,
): Float64Array {
  const frame = evaluator.scope.frame(undefined, dims);
  const { codes, rows } = evaluator.scope.fieldIn(frame, field.name);
  const counts = new Float64Array(field.cardinality + 1);
  for (let i = 0; i < rows.length; i++) counts[codes[rows[i]!]!]!++;
  return counts;
}

/** The `qDimensionInfo` of a field dimension. */
export function dimensionInfo(
  field: Field,
  dimension: NxDimension,
  column: DimensionColumn,
  state: SelectionResult,
  settings: FormatSettings,
): NxDimensionInfo {
  const { min, max, glyphs, numeric } = columnStats(column.keys, field);
  // Numeric fields can lie on a continuous axis (nebula's line chart asks for $numeric and this flag).
  const continuous = !isCalculated(field) && field.hasTag('$numeric');
  return {
    qFallbackTitle: dimension.qDef?.qFieldLabels?.[0] || field.name,
    qApprMaxGlyphCount: glyphs,
    qCardinal: field.cardinality,
    qLocked: isCalculated(field) ? false : (state.selection(field)?.locked ?? false),
    qSortIndicator: sortIndicator(dimension.qDef?.qSortCriterias?.[0]),
    qGroupFallbackTitles: [field.name],
    qGroupPos: 0,
    qStateCounts: isCalculated(field)
      ? optionCounts(field.cardinality)
      : { ...state.stateCounts(field) },
    qTags: [...field.tags],
    qDimensionType: numeric ? 'N' : 'D',
    qGrouping: 'N',
    qNumFormat: fieldNumFormat(field, settings),
    qIsAutoFormat: true,
    qGroupFieldDefs: dimension.qDef?.qFieldDefs ?? [field.name],
    qMin: min,
    qMax: max,
    qContinuousAxes: continuous,
    qIsCyclic: false,
    qAttrExprInfo: [],
    qAttrDimInfo: [],
    qCalcCondMsg: '',
    qCardinalities: {
      qCardinal: field.cardinality,
      qHypercubeCardinal: distinctCount(column.keys),
      qAllValuesCardinal: -1,
    },
    qLibraryId: dimension.qLibraryId ?? '',
    qEffectiveDimensionName: field.name,
  };
}

// Calculated dimensions are not model fields (index -1): no selection, every value possible.
function isCalculated(field: Field): boolean {
  return field.index < 0;
}

function optionCounts(cardinality: number) {
  return {
    qLocked: 0,
    qSelected: 0,
    qOption: cardinality,
    qDeselected: 0,
    qAlternative: 0,
    qExcluded: 0,
    qSelectedExcluded: 0,
    qLockedExcluded: 0,
  };
}

function columnStats(keys: Int32Array, field: Field) {
  let min = Infinity;
  let max = -Infinity;
  let glyphs = 0;
  let numeric = keys.length > 0;
  for (const symbol of keys) {
    if (symbol < 0) continue;
    const num = field.symbols.num(symbol);
    if (num === num) {
      if (num < min) min = num;
      if (num > max) max = num;
    } else numeric = false;
    glyphs = Math.max(glyphs, field.symbols.text(symbol).length);
  }
  return { min: orNaN(min), max: orNaN(max), glyphs, numeric };
}

function distinctCount(keys: Int32Array): number {
  return new Set(keys).size;
}

function measureInfo(measure: NxMeasure, column: MeasureColumn): NxMeasureInfo {
  let min = Infinity;
  let max = -Infinity;
  let glyphs = 0;
  for (const value of column.values) {
    const num = numberOf(value);
    if (num === num) {
      if (num < min) min = num;
      if (num > max) max = num;
    }
    glyphs = Math.max(glyphs, value === null ? 1 : String(value).length);
  }
  return {
    qFallbackTitle: measure.qDef?.qLabel || measure.qDef?.qDef || '',
    qApprMaxGlyphCount: glyphs,
    qCardinal: 0,
    qSortIndicator: sortIndicator(measure.qSortBy),
    qNumFormat: measure.qDef?.qNumFormat ?? { qType: 'U', qnDec: 10, qUseThou: 0 },
    qMin: orNaN(min),
    qMax: orNaN(max),
    qIsAutoFormat: !measure.qDef?.qNumFormat,
    qAttrExprInfo: [],
    qAttrDimInfo: [],
    qCalcCondMsg: '',
    qLibraryId: measure.qLibraryId ?? '',
  };
}

function orNaN(num: number): number | 'NaN' {
  return Number.isFinite(num) ? num : 'NaN';
}
