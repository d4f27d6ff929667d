import type { Field } from '../model/Field.js';
import { type ExpressionMatcher, searchSymbols } from './searchSymbols.js';
import type { SelectionResult } from './SelectionResult.js';
import { StateCode, stateOfCode, type ValueState } from './ValueState.js';

/** One value of a list object: symbol index (`qElemNumber`), text, number (NaN if none) and state. */
export interface ListValue {
  readonly index: number;
  readonly text: string;
  readonly num: number;
  readonly state: ValueState;
}

/** Sort direction of one criterion: 1 ascending, -1 descending, 0 off. */
export type SortDirection = -1 | 0 | 1;

/**
 * List-object sort criteria, applied in Qlik's order: state, numeric, text,
 * load order. State ascending puts selected values first, then possible,
 * alternative, excluded.
 */
export interface ListSort {
  readonly byState?: SortDirection;
  readonly byNumeric?: SortDirection;
  readonly byText?: SortDirection;
  readonly byLoadOrder?: SortDirection;
}

/** What to list. */
export interface ListOptions {
  readonly sort?: ListSort;
  /** Keep only values this Qlik search string finds. */
  readonly search?: string;
  /** Matcher for an `=expr` search. */
  readonly evaluate?: ExpressionMatcher;
  /** Keep only values in these states. */
  readonly states?: readonly ValueState[];
}

const stateRank: Record<number, number> = {
  [StateCode.S]: 0,
  [StateCode.L]: 0,
  [StateCode.O]: 1,
  [StateCode.D]: 1,
  [StateCode.A]: 2,
  [StateCode.X]: 3,
  [StateCode.XS]: 3,
  [StateCode.XL]: 3,
};

const collator = new Intl.Collator('en', { numeric: false, sensitivity: 'base' });

/** Default list-object sort: by state, then numbers ascending, then text ascending. */
export const DEFAULT_LIST_SORT: ListSort = { byState: 1, byNumeric: 1, byText: 1 };

/** The values of a field with their states, filtered and sorted for a list object. */
export function listValues(
  result: SelectionResult,
  field: Field | string,
  options: ListOptions = {},
): ListValue[] {
  const resolved = typeof field === 'string' ? result.model.field(field) : field;
  const codes = result.stateCodes(resolved);
  const found =
    options.search === undefined
      ? undefined
      : searchSymbols(resolved, options.search, options.evaluate);
  const wanted = options.states ? new Set(options.states) : undefined;
  const indexes: number[] = [];
  for (let i = 0; i < resolved.cardinality; i++) {
    if (found && !found.has(i)) continue;
    if (wanted && !wanted.has(stateOfCode(codes[i]))) continue;
    indexes.push(i);
  }
  indexes.sort(comparator(resolved, codes, options.sort ?? DEFAULT_LIST_SORT));
  return indexes.map((index) => ({
    index,
    text: resolved.symbols.text(index),
    num: resolved.symbols.num(index),
    state: stateOfCode(codes[index]),
  }));
}

function comparator(
  field: Field,
  codes: Uint8Array,
  sort: ListSort,
): (a: number, b: number) => number {
  const { nums, texts } = field.symbols;
  return (a, b) => {
    if (sort.byState) {
      const diff = stateRank[codes[a]] - stateRank[codes[b]];
      if (diff !== 0) return diff * sort.byState;
    }
    if (sort.byNumeric) {
      const diff = compareNums(nums[a], nums[b], sort.byNumeric);
      if (diff !== 0) return diff;
    }
    if (sort.byText) {
      const diff = collator.compare(texts[a], texts[b]);
      if (diff !== 0) return diff * sort.byText;
    }
    return sort.byLoadOrder === -1 ? b - a : a - b;
  };
}

/** Numbers compare by value in the given direction; values with no number go last either way. */
function compareNums(a: number, b: number, direction: 1 | -1): number {
  const aMissing = Number.isNaN(a);
  const bMissing = Number.isNaN(b);
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  return (a - b) * direction;
}
