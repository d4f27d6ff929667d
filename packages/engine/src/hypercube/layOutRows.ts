import type { GroupTarget } from '../aggregate/MeasureEvaluator.js';
import type { Field } from '../model/Field.js';
import type { SelectionResult } from '../selection/SelectionResult.js';
import type { Value } from '../value/Value.js';
import { type MeasureValues, asValues, valueAt } from '../aggregate/numberedValues.js';
import type { chartEvaluator } from './chartEvaluator.js';
import { type ChartOtherInput, chartOtherSource } from './chartOtherSource.js';
import { evaluateChartFunctionMeasures } from './chartFunctionMeasures.js';
import { stateRanks } from './columnInfo.js';
import { groupOthers } from './otherGroups.js';
import { parseMeasure } from './parseMeasure.js';
import type { HyperCubeDef, NxDimension } from './QixShapes.js';
import { RowOrder } from './RowOrder.js';
import { dimensionComparator, type GroupComparator, measureComparator } from './sortGroups.js';
import { type ColumnKey, dimensionKey, measureKey, sortRows } from './sortKeys.js';

type Evaluator = ReturnType<typeof chartEvaluator>;

/** What sorting a chart's rows reads. */
export interface SortInput {
  readonly def: HyperCubeDef;
  readonly fields: readonly Field[];
  readonly target: GroupTarget;
  readonly measureValues: readonly MeasureValues[];
  readonly state: SelectionResult;
  readonly evaluator: Evaluator;
  readonly dims: readonly string[];
}

/**
 * A chart's rows in display order: per dimension and measure a column
 * (indexed by what `order` yields), with what Others rows stand for.
 */
export interface LaidOutRows {
  readonly order: RowOrder;
  readonly keys: readonly Int32Array[];
  readonly values: readonly MeasureValues[];
  readonly otherLabels: readonly (string | undefined)[];
  readonly otherSymbols: readonly (ReadonlySet<number> | undefined)[];
}

/** The columns of the inter-column sort order: the definition's, else left to right. */
export function interColumnOrder(def: HyperCubeDef, width: number): number[] {
  const given = def.qInterColumnSortOrder?.filter(
    (c) => Number.isInteger(c) && c >= 0 && c < width,
  );
  if (given && given.length > 0) return given;
  return Array.from({ length: width }, (_, c) => c);
}

/** Whether a dimension groups values into Others. */
export function hasOthers(dimensions: readonly NxDimension[]): boolean {
  return dimensions.some(
    (dimension) => (dimension.qOtherTotalSpec?.qOtherMode ?? 'OTHER_OFF') !== 'OTHER_OFF',
  );
}

/**
 * Null suppression per dimension, then qSuppressZero / qSuppressMissing over
 * the measures: the groups kept, ascending. Read it only: when every group
 * is kept it is a view of a list shared by every chart.
 */
export function keptGroups(
  dimensionDefs: readonly NxDimension[],
  target: GroupTarget,
  measureValues: readonly MeasureValues[],
  suppressed: (values: readonly Value[]) => boolean,
  suppressing: boolean,
): Int32Array {
  const count = target.index.count;
  const nullSuppressed = dimensionDefs.flatMap((dimension, d) =>
    dimension.qNullSuppression === true ? [target.index.keys[d]!] : [],
  );
  if (nullSuppressed.length === 0 && !suppressing) return allGroups(count);
  const kept = new Int32Array(count);
  const row: Value[] = new Array<Value>(measureValues.length);
  let n = 0;
  groups: for (let g = 0; g < count; g++) {
    for (const keys of nullSuppressed) if (keys[g]! < 0) continue groups;
    if (suppressing) {
      for (let m = 0; m < row.length; m++) row[m] = valueAt(measureValues[m]!, g);
      if (suppressed(row)) continue;
    }
    kept[n++] = g;
  }
  return n === count ? kept : kept.slice(0, n);
}

// 0, 1, 2, ...: one list that grows to the most groups a chart has kept (up to
// IDENTITY_LIMIT), so a chart of 100k groups neither allocates nor fills one.
let identity = new Int32Array(0);
const IDENTITY_LIMIT = 1 << 20;

function allGroups(count: number): Int32Array {
  if (count > IDENTITY_LIMIT) return Int32Array.from({ length: count }, (_, g) => g);
  if (count > identity.length) {
    const grown = new Int32Array(Math.min(IDENTITY_LIMIT, Math.max(count, 2 * identity.length)));
    for (let g = 0; g < grown.length; g++) grown[g] = g;
    identity = grown;
  }
  return identity.subarray(0, count);
}

/**
 * Rows with neither Others nor measures that read other rows: the groups,
 * sorted lazily over typed keys (a chart showing its first page pays for a
 * partial sort only).
 */
export function sortedRows(
  kept: Int32Array,
  sortOrder: readonly number[],
  input: SortInput,
): LaidOutRows {
  const keys = sortOrder
    .map((c) => columnKey(c, input))
    .filter((key): key is ColumnKey => key !== undefined);
  const dims = input.fields.length;
  return {
    order: sortRows(kept, keys, input.target.index.count),
    keys: input.target.index.keys.slice(0, dims),
    values: input.measureValues,
    otherLabels: [],
    otherSymbols: [],
  };
}

/**
 * Rows fully sorted first: measures that read other rows are computed over
 * the sorted groups, then dimension limits group values into Others rows.
 */
export function groupedRows(
  kept: Int32Array,
  sortOrder: readonly number[],
  input: SortInput,
  other: ChartOtherInput & { readonly readsRows: readonly boolean[] },
): LaidOutRows {
  const compareColumn = (c: number) => columnComparator(c, input);
  const order = sortedGroups(Array.from(kept), sortOrder.map(compareColumn));
  const { readsRows, measureExprs } = other;
  if (readsRows.some(Boolean))
    evaluateChartFunctionMeasures(
      input.evaluator.measures,
      measureExprs,
      input.measureValues as Value[][],
      input.target,
      {
        order,
        dims: input.fields.length,
        leftDims: pivotLeftDimensions(input.def, input.fields.length),
        sortOrder,
        compareColumn,
      },
    );
  const rows = groupOthers(order, chartOtherSource(other));
  const rowCount = input.fields.length > 0 ? rows.keys[0]!.length : order.length;
  const identity = new Int32Array(rowCount);
  for (let i = 0; i < rowCount; i++) identity[i] = i;
  return {
    order: RowOrder.of(identity),
    keys: rows.keys,
    values: rows.values,
    otherLabels: rows.otherLabels,
    otherSymbols: rows.otherSymbols,
  };
}

function columnKey(c: number, input: SortInput): ColumnKey | undefined {
  const { def, fields, target, measureValues, state, evaluator, dims } = input;
  if (c >= fields.length)
    return measureKey(
      measureValues[c - fields.length]!,
      def.qMeasures?.[c - fields.length]?.qSortBy,
    );
  const criteria = def.qDimensions?.[c]?.qDef?.qSortCriterias?.[0] ?? { qSortByLoadOrder: 1 };
  const field = fields[c]!;
  return dimensionKey(
    {
      field,
      keys: target.index.keys[c]!,
      nums: field.symbols.nums,
      texts: field.symbols.texts,
      stateRank: () => stateRanks(state, field),
      frequency: () => frequencies(evaluator, dims, field),
      expression: sortExpression(c, input),
    },
    criteria,
  );
}

function sortExpression(c: number, { def, evaluator, target }: SortInput): Value[] | undefined {
  const criteria = def.qDimensions?.[c]?.qDef?.qSortCriterias?.[0];
  const source = criteria?.qSortByExpression ? criteria.qExpression?.qv : undefined;
  return source ? evaluator.measures.evaluate(parseMeasure(source, c), target) : undefined;
}

/** The comparator of column c (a dimension or a measure) by its sort criteria. */
function columnComparator(c: number, input: SortInput): GroupComparator {
  const { def, fields, target, measureValues, state, evaluator, dims } = input;
  if (c >= fields.length)
    return measureComparator(
      asValues(measureValues[c - fields.length]!),
      def.qMeasures?.[c - fields.length]?.qSortBy,
    );
  const criteria = def.qDimensions?.[c]?.qDef?.qSortCriterias?.[0] ?? { qSortByLoadOrder: 1 };
  const field = fields[c]!;
  return dimensionComparator(
    {
      keys: target.index.keys[c]!,
      nums: field.symbols.nums,
      texts: field.symbols.texts,
      stateRank: criteria.qSortByState ? stateRanks(state, field) : NO_RANKS,
      frequency: criteria.qSortByFrequency ? frequencies(evaluator, dims, field) : NO_COUNTS,
      expression: sortExpression(c, input),
    },
    criteria,
  );
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

/** A definition whose measures do not sort (charts whose measures read other rows). */
export function withoutMeasureSorting(def: HyperCubeDef): HyperCubeDef {
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

function frequencies(evaluator: Evaluator, dims: readonly string[], field: Field): Float64Array {
  const frame = evaluator.scope.frame(undefined, dims);
  const { codes, rows } = evaluator.scope.fieldIn(frame, field.name);
  const counts = new Float64Array(field.cardinality + 1);
  for (let i = 0; i < rows.length; i++) counts[codes[rows[i]!]!]!++;
  return counts;
}
