import type { Value } from '../value/Value.js';
import { compareTexts, numberOf, textOf } from '../aggregate/valueParts.js';
import type { SortCriteria } from './QixShapes.js';

/** What a dimension column sorts by, per group: its symbol and facts about it. */
export interface DimensionSortData {
  readonly keys: Int32Array;
  readonly nums: Float64Array;
  readonly texts: readonly string[];
  /** Rank of each symbol's state: selected 0, possible 1, alternative 2, excluded 3. */
  readonly stateRank: Uint8Array;
  /** Rows per symbol in the chart's records. */
  readonly frequency: Float64Array;
  /** Per group, the sort expression's value, when sorting by expression. */
  readonly expression?: readonly Value[];
}

/** A comparison of two groups; 0 when this column cannot tell them apart. */
export type GroupComparator = (a: number, b: number) => number;

/**
 * A dimension column's comparator, applying its criteria in Qlik's order of
 * precedence: state, expression, frequency, numeric, text, load order. Nulls
 * always come last.
 */
export function dimensionComparator(
  data: DimensionSortData,
  criteria: SortCriteria,
): GroupComparator {
  const steps: GroupComparator[] = [];
  const { keys, nums, texts, stateRank, frequency, expression } = data;
  const symbolOf = (g: number) => keys[g]!;
  if (criteria.qSortByState) {
    const dir = criteria.qSortByState;
    steps.push((a, b) => dir * (stateRank[symbolOf(a)]! - stateRank[symbolOf(b)]!));
  }
  if (criteria.qSortByExpression && expression) {
    const dir = criteria.qSortByExpression;
    steps.push((a, b) => dir * compareNumbersThenText(expression[a]!, expression[b]!));
  }
  if (criteria.qSortByFrequency) {
    const dir = criteria.qSortByFrequency;
    steps.push((a, b) => dir * (frequency[symbolOf(a)]! - frequency[symbolOf(b)]!));
  }
  if (criteria.qSortByNumeric) {
    const dir = criteria.qSortByNumeric;
    steps.push((a, b) => dir * compareNumbers(nums[symbolOf(a)]!, nums[symbolOf(b)]!));
  }
  if (criteria.qSortByAscii) {
    const dir = criteria.qSortByAscii;
    steps.push((a, b) => dir * compareTexts(texts[symbolOf(a)]!, texts[symbolOf(b)]!));
  }
  if (criteria.qSortByLoadOrder) {
    const dir = criteria.qSortByLoadOrder;
    steps.push((a, b) => dir * (symbolOf(a) - symbolOf(b)));
  }
  return (a, b) => {
    const nullA = keys[a]! < 0;
    const nullB = keys[b]! < 0;
    if (nullA || nullB) return nullA === nullB ? 0 : nullA ? 1 : -1;
    for (const step of steps) {
      const result = step(a, b);
      if (result !== 0) return result;
    }
    return 0;
  };
}

/** A measure column's comparator: numeric then text, nulls last. */
export function measureComparator(
  values: readonly Value[],
  criteria: SortCriteria | undefined,
): GroupComparator {
  const numeric = criteria?.qSortByNumeric ?? 0;
  const ascii = criteria?.qSortByAscii ?? 0;
  if (!numeric && !ascii) return () => 0;
  return (a, b) => {
    const va = values[a]!;
    const vb = values[b]!;
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    if (numeric) {
      const result = numeric * compareNumbers(numberOf(va), numberOf(vb));
      if (result !== 0) return result;
    }
    return ascii ? ascii * compareTexts(textOf(va), textOf(vb)) : 0;
  };
}

/** The first direction a column sorts by (for `qSortIndicator`). */
export function sortIndicator(criteria: SortCriteria | undefined): 'N' | 'A' | 'D' {
  if (!criteria) return 'N';
  const first = [
    criteria.qSortByState,
    criteria.qSortByExpression,
    criteria.qSortByFrequency,
    criteria.qSortByNumeric,
    criteria.qSortByAscii,
    criteria.qSortByLoadOrder,
  ].find((dir) => dir);
  return first === undefined ? 'N' : first > 0 ? 'A' : 'D';
}

// Numbers before non-numbers, which tie among themselves.
function compareNumbers(a: number, b: number): number {
  const aNum = a === a;
  const bNum = b === b;
  if (aNum && bNum) return a - b;
  return aNum === bNum ? 0 : aNum ? -1 : 1;
}

function compareNumbersThenText(a: Value, b: Value): number {
  const byNumber = compareNumbers(numberOf(a), numberOf(b));
  if (byNumber !== 0) return byNumber;
  return compareTexts(textOf(a), textOf(b));
}
