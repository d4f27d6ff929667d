import { numberOf } from '../aggregate/valueParts.js';
import { type MeasureValues, asNumbers } from '../aggregate/numberedValues.js';
import { scratchInts } from '../aggregate/scratchInts.js';
import type { Field } from '../model/Field.js';
import type { SelectionResult } from '../selection/SelectionResult.js';
import { stateOfCode } from '../selection/ValueState.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import type { Value } from '../value/Value.js';
import { columnStats } from './columnStats.js';
import { fieldNumFormat } from './fieldNumFormat.js';
import type {
  NxDimension,
  NxDimensionInfo,
  NxMeasure,
  NxMeasureInfo,
  StateEnumType,
} from './QixShapes.js';
import type { RowOrder } from './RowOrder.js';
import { sortIndicator } from './sortGroups.js';

/** The state letter of every value of a field. */
export function stateLetters(state: SelectionResult, field: Field): StateEnumType[] {
  if (isCalculated(field)) return new Array<StateEnumType>(field.cardinality).fill('O');
  return Array.from(state.stateCodes(field), (code) => stateOfCode(code) as StateEnumType);
}

// Selected (and locked) values first, then possible, alternative, excluded.
/**
 * The state letter of a field's value, read from the result's state codes
 * when a cell asks: a chart's pages show a few of a field's values at most.
 */
export function stateLetterOf(
  state: SelectionResult,
  field: Field,
): (symbol: number) => StateEnumType {
  if (isCalculated(field)) return () => 'O';
  const codes = state.stateCodes(field);
  return (symbol) => stateOfCode(codes[symbol]!) as StateEnumType;
}

/** Sort rank of every value's state. */
export function stateRanks(state: SelectionResult, field: Field): Uint8Array {
  if (isCalculated(field)) return new Uint8Array(field.cardinality).fill(1);
  const rankOf: Record<string, number> = { S: 0, L: 0, O: 1, A: 2, D: 2, X: 3, XS: 3, XL: 3 };
  return Uint8Array.from(state.stateCodes(field), (code) => rankOf[stateOfCode(code)]!);
}

/** The keys of the rows an order shows (a column's keys are per group). */
export function shownKeys(keys: Int32Array, order: RowOrder): Int32Array {
  const groups = order.groups;
  if (groups.length === keys.length) return keys;
  const out = new Int32Array(groups.length);
  for (let i = 0; i < out.length; i++) out[i] = keys[groups[i]!]!;
  return out;
}

/** The values of the rows an order shows (a column's values are per group). */
export function shownValues(values: MeasureValues, order: RowOrder): MeasureValues {
  const groups = order.groups;
  if (groups.length === values.length) return values;
  if (values instanceof Float64Array) return Float64Array.from(groups, (g) => values[g]!);
  return Array.from(groups, (g) => values[g]!);
}

/** The `qDimensionInfo` of a field dimension whose rows show the symbols `keys`. */
export function dimensionInfo(
  field: Field,
  dimension: NxDimension,
  keys: Int32Array,
  state: SelectionResult,
  settings: FormatSettings,
  /** Whether no symbol is in two rows (a chart's only dimension): no set of those seen is kept. */
  distinctKeys = false,
  /** Per symbol 1 where `keys` has it, when the caller has that already. */
  present?: Uint8Array,
): NxDimensionInfo {
  const stats = columnStats(keys, field, distinctKeys, present);
  const { glyphs, numeric, distinct } = stats;
  const min = orNaN(stats.min);
  const max = orNaN(stats.max);
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
      qHypercubeCardinal: distinct,
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

/** The `qMeasureInfo` of a measure whose rows show `values`. */
export function measureInfo(measure: NxMeasure, values: MeasureValues): NxMeasureInfo {
  const nums = asNumbers(values);
  const { min, max, glyphs } = nums ? numberStats(nums) : valueStats(values as readonly Value[]);
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

function valueStats(values: readonly Value[]) {
  let min = Infinity;
  let max = -Infinity;
  let glyphs = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const num = numberOf(value);
    if (num === num) {
      if (num < min) min = num;
      if (num > max) max = num;
    }
    const length = glyphCount(value);
    if (length > glyphs) glyphs = length;
  }
  return { min, max, glyphs };
}

// The same over numbers (NaN for null, one glyph as '-'): no value is looked at twice.
// The loop over every value does arithmetic only (numberBounds); the numbers whose
// text it cannot count are listed and counted after it. With String() in it, a loop
// that met such a number only now and then was dropped from machine code there, and
// (its feedback gone with the next full collection) ran interpreted again next time.
function numberStats(nums: Float64Array) {
  const bounds = new Float64Array(3);
  const texts = scratchInts('glyphTexts', nums.length, false);
  const count = numberBounds(nums, bounds, texts);
  let glyphs = bounds[2]!;
  for (let k = 0; k < count; k++) {
    const length = String(nums[texts[k]!]!).length;
    if (length > glyphs) glyphs = length;
  }
  return { min: bounds[0]!, max: bounds[1]!, glyphs };
}

/**
 * Writes the smallest and largest number and the most glyphs of those
 * `numberGlyphs` counts into `bounds`; lists in `texts` the indexes of the
 * others (their text decides) and returns how many.
 */
function numberBounds(nums: Float64Array, bounds: Float64Array, texts: Int32Array): number {
  let min = Infinity;
  let max = -Infinity;
  let glyphs = 0;
  let count = 0;
  for (let i = 0; i < nums.length; i++) {
    const num = nums[i]!;
    if (num !== num) {
      if (glyphs < 1) glyphs = 1;
      continue;
    }
    if (num < min) min = num;
    if (num > max) max = num;
    const length = numberGlyphs(num);
    if (length < 0) texts[count++] = i;
    else if (length > glyphs) glyphs = length;
  }
  bounds[0] = min;
  bounds[1] = max;
  bounds[2] = glyphs;
  return count;
}

/** `String(value).length` (1 for null). */
function glyphCount(value: Value): number {
  if (value === null) return 1;
  if (typeof value !== 'number') return String(value).length;
  const length = numberGlyphs(value);
  return length < 0 ? String(value).length : length;
}

/**
 * `String(num).length` without making the string for integers below 1e15
 * and numbers below 1e11 with at most four decimals: their shortest form is
 * their integer digits and those decimals (below 1e11 the doubles lie closer
 * than 1e-4, so no shorter decimal names the same number); -1 for the others.
 */
function numberGlyphs(num: number): number {
  const abs = num < 0 ? -num : num;
  const sign = num < 0 ? 1 : 0;
  if (abs < 1e15 && Number.isInteger(abs)) return sign + integerDigits(abs);
  if (abs < 1e11) {
    const scaled = abs * 10_000;
    if (Number.isInteger(scaled) && scaled / 10_000 === abs) {
      // The last four digits, as a small integer (a double's % is a slow library call).
      const last = (scaled - Math.floor(abs) * 10_000) | 0;
      const decimals = last % 1000 === 0 ? 1 : last % 100 === 0 ? 2 : last % 10 === 0 ? 3 : 4;
      return sign + integerDigits(abs) + 1 + decimals;
    }
  }
  return -1;
}

// 10 to 1e15, as doubles: compared against, they keep the loop in floating point
// (a limit multiplied by 10 left the small integers past 1e9, and the code with them).
const POWERS_OF_TEN = Float64Array.from({ length: 15 }, (_, k) => 10 ** (k + 1));

function integerDigits(abs: number): number {
  let digits = 1;
  while (digits < 16 && abs >= POWERS_OF_TEN[digits - 1]!) digits++;
  return digits;
}

function orNaN(num: number): number | 'NaN' {
  return Number.isFinite(num) ? num : 'NaN';
}
