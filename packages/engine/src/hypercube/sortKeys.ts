import type { Field } from '../model/Field.js';
import { type MeasureValues, asNumbers, asValues } from '../aggregate/numberedValues.js';
import { scratchInts } from '../aggregate/scratchInts.js';
import type { Value } from '../value/Value.js';
import type { SortCriteria } from './QixShapes.js';
import { type PrimaryNumbers, RowOrder } from './RowOrder.js';
import {
  dimensionComparator,
  type DimensionSortData,
  type GroupComparator,
  measureComparator,
} from './sortGroups.js';

/**
 * One column's sort key per group, in the cheapest form that keeps its
 * comparator's answers: integer ranks (a dimension: every criterion but an
 * expression is a property of the symbol), numbers (a measure of numbers
 * and nulls), or the comparator itself.
 */
export type ColumnKey =
  | { readonly kind: 'rank'; readonly ranks: Int32Array; readonly span: number }
  | SymbolRankKey
  | { readonly kind: 'number'; readonly values: Float64Array; readonly dir: number }
  | { readonly kind: 'compare'; readonly compare: GroupComparator };

/**
 * A dimension's ranks read through its groups' symbols: group g ranks
 * `table[keys[g]]` (nullRank for a null key). A chart sorted by a measure
 * first reads them for ties only, so they are not laid out per group.
 */
export interface SymbolRankKey {
  readonly kind: 'symbolRank';
  readonly keys: Int32Array;
  readonly table: Int32Array;
  readonly nullRank: number;
  readonly span: number;
}

/** The facts a dimension column sorts by (see DimensionSortData) and its field. */
export interface DimensionKeyInput extends Omit<DimensionSortData, 'stateRank' | 'frequency'> {
  readonly field: Field;
  /** Per symbol rank of its state; read only when the criteria sort by state. */
  readonly stateRank: () => Uint8Array;
  /** Per symbol count of rows; read only when the criteria sort by frequency. */
  readonly frequency: () => Float64Array;
}

const staticRanks = new WeakMap<Field, Map<string, { ranks: Int32Array; span: number }>>();

/** The sort key of a dimension column under `criteria`. */
export function dimensionKey(input: DimensionKeyInput, criteria: SortCriteria): ColumnKey {
  if (criteria.qSortByExpression && input.expression) {
    const data = { ...input, stateRank: input.stateRank(), frequency: input.frequency() };
    return { kind: 'compare', compare: dimensionComparator(data, criteria) };
  }
  const { ranks, span } = rankSymbols(input, criteria);
  return { kind: 'symbolRank', keys: input.keys, table: ranks, nullRank: span, span: span + 1 };
}

// A key that ranks groups by integers.
type RankKey = Extract<ColumnKey, { kind: 'rank' | 'symbolRank' }>;

/** Per group, its rank under a rank key. */
function groupRanks(key: RankKey): Int32Array {
  if (key.kind === 'rank') return key.ranks;
  const { keys, table, nullRank } = key;
  const ranks = new Int32Array(keys.length);
  for (let g = 0; g < keys.length; g++) {
    const symbol = keys[g]!;
    ranks[g] = symbol < 0 ? nullRank : table[symbol]!;
  }
  return ranks;
}

// Per symbol, its rank among the field's symbols under the criteria (equal
// symbols share a rank). State and frequency depend on the selections; the
// other criteria only on the field, so their ranks are kept per field.
function rankSymbols(
  input: DimensionKeyInput,
  criteria: SortCriteria,
): { ranks: Int32Array; span: number } {
  const { field } = input;
  const byField = { ...criteria, qSortByState: 0, qSortByExpression: 0 };
  if (criteria.qSortByFrequency) return rankBy(field, byField, input.frequency());
  const key = JSON.stringify([
    byField.qSortByNumeric,
    byField.qSortByAscii,
    byField.qSortByLoadOrder,
  ]);
  let cache = staticRanks.get(field);
  if (!cache) staticRanks.set(field, (cache = new Map()));
  let fixed = cache.get(key);
  if (!fixed) cache.set(key, (fixed = rankBy(field, byField, new Float64Array(0))));
  if (!criteria.qSortByState) return fixed;
  // The state goes first: its rank (in the criterion's direction) times the fixed ranks' span.
  const states = input.stateRank();
  const dir = criteria.qSortByState;
  const ranks = new Int32Array(field.cardinality);
  for (let s = 0; s < ranks.length; s++)
    ranks[s] = (dir > 0 ? states[s]! : 3 - states[s]!) * fixed.span + fixed.ranks[s]!;
  return { ranks, span: 4 * fixed.span };
}

function rankBy(
  field: Field,
  criteria: SortCriteria,
  frequency: Float64Array,
): { ranks: Int32Array; span: number } {
  const symbols = new Int32Array(field.cardinality);
  for (let s = 0; s < symbols.length; s++) symbols[s] = s;
  const compare = dimensionComparator(
    {
      keys: symbols,
      nums: field.symbols.nums,
      texts: field.symbols.texts,
      stateRank: new Uint8Array(0),
      frequency,
    },
    criteria,
  );
  const order = symbols.slice().sort(compare);
  const ranks = new Int32Array(field.cardinality);
  let rank = 0;
  for (let i = 0; i < order.length; i++) {
    if (i > 0 && compare(order[i - 1]!, order[i]!) !== 0) rank++;
    ranks[order[i]!] = rank;
  }
  return { ranks, span: order.length === 0 ? 1 : rank + 1 };
}

/** The sort key of a measure column by its `qSortBy`, or undefined when it does not sort. */
export function measureKey(
  values: MeasureValues,
  criteria: SortCriteria | undefined,
): ColumnKey | undefined {
  const numeric = criteria?.qSortByNumeric ?? 0;
  const ascii = criteria?.qSortByAscii ?? 0;
  if (!numeric && !ascii) return undefined;
  const nums = asNumbers(values) ?? numbersOrNulls(values as readonly Value[]);
  if (nums && numeric) return { kind: 'number', values: nums, dir: numeric };
  return { kind: 'compare', compare: measureComparator(asValues(values), criteria) };
}

// The values as numbers (NaN for null) when every one is a number (not NaN) or null.
function numbersOrNulls(values: readonly Value[]): Float64Array | undefined {
  const nums = new Float64Array(values.length);
  for (let g = 0; g < values.length; g++) {
    const value = values[g]!;
    if (value === null) nums[g] = NaN;
    else if (typeof value === 'number' && value === value) nums[g] = value;
    else return undefined;
  }
  return nums;
}

/**
 * The groups in the order the keys give, ties broken by group id: packed
 * into one exact number per group and sorted natively when every key is a
 * rank and they fit, else by a comparator over the typed keys.
 */
export function sortRows(
  groups: Int32Array,
  keys: readonly ColumnKey[],
  groupCount: number,
): RowOrder {
  const packed = packedSort(keys, groupCount);
  const compare = chainComparator(keys);
  // A first page is selected by the packed codes: one number per group that orders as the chain.
  if (packed) return RowOrder.sorted(groups, packed.sort, compare, packed.primary);
  const primary = keys[0] && primaryNumbers(keys[0]);
  return RowOrder.sorted(groups, (list) => list.slice().sort(compare), compare, primary);
}

// The first key's numbers, for a partial selection (see RowOrder): a number
// key's own, or a rank key's as numbers.
function primaryNumbers(key: ColumnKey): PrimaryNumbers | undefined {
  if (key.kind === 'number') return key;
  if (key.kind === 'rank' || key.kind === 'symbolRank')
    return { values: Float64Array.from(groupRanks(key)), dir: 1 };
  return undefined;
}

// The whole order by packed rank codes, and (worked out when first read) each listed group's
// packed code as a number: the chain's order wherever two differ, for a partial selection.
function packedSort(
  keys: readonly ColumnKey[],
  groupCount: number,
):
  | { sort: (groups: Int32Array) => Int32Array; primary: (groups: Int32Array) => PrimaryNumbers }
  | undefined {
  let rankSpace = 1;
  const rankKeys: RankKey[] = [];
  for (const key of keys) {
    if (key.kind === 'number' || key.kind === 'compare') return undefined;
    rankSpace *= key.span;
    rankKeys.push(key);
  }
  const n = Math.max(1, groupCount);
  if (rankSpace * n > Number.MAX_SAFE_INTEGER) return undefined;
  const primary = (groups: Int32Array): PrimaryNumbers => {
    const codes = new Float64Array(groups.length);
    rankKeys.forEach((key, k) => addRankDigits(codes, groups, key, k === 0));
    if (groups.length === n && ascending(groups)) return { values: codes, dir: 1 };
    const values = new Float64Array(n);
    for (let i = 0; i < groups.length; i++) values[groups[i]!] = codes[i]!;
    return { values, dir: 1 };
  };
  const sort = (groups: Int32Array): Int32Array => {
    // A rank space not much bigger than the rows is sorted by counting, in linear time.
    if (rankSpace <= 4 * groups.length + 65_536 && ascending(groups))
      return countingSort(groups, rankKeys, rankSpace);
    const codes = new Float64Array(groups.length);
    rankKeys.forEach((key, k) => addRankDigits(codes, groups, key, k === 0));
    for (let i = 0; i < groups.length; i++) codes[i] = codes[i]! * n + groups[i]!;
    codes.sort();
    const out = new Int32Array(groups.length);
    for (let i = 0; i < out.length; i++) out[i] = codes[i]! % n;
    return out;
  };
  return { sort, primary };
}

function ascending(groups: Int32Array): boolean {
  for (let i = 1; i < groups.length; i++) if (groups[i]! <= groups[i - 1]!) return false;
  return true;
}

// Each list entry's code times the key's span plus its group's rank under the
// key (the first key: its rank alone), one key at a time, so no array of
// ranks per key is laid out.
function addRankDigits(
  codes: Int32Array | Float64Array,
  groups: Int32Array,
  key: RankKey,
  first: boolean,
): void {
  const span = first ? 0 : key.span;
  if (key.kind === 'rank') {
    const ranks = key.ranks;
    for (let i = 0; i < groups.length; i++) codes[i] = codes[i]! * span + ranks[groups[i]!]!;
    return;
  }
  const { keys, table, nullRank } = key;
  for (let i = 0; i < groups.length; i++) {
    const symbol = keys[groups[i]!]!;
    codes[i] = codes[i]! * span + (symbol < 0 ? nullRank : table[symbol]!);
  }
}

// A stable counting sort of ascending groups by the packed rank code: equal
// codes keep their order, which is the tie-break by group id. Its working
// arrays are reused (scratchInts.ts); only the order it returns is new.
function countingSort(groups: Int32Array, keys: readonly RankKey[], rankSpace: number): Int32Array {
  // Scratch holds anything before the first key's pass (code * 0 is 0), so it is not zeroed.
  const codes = scratchInts('sortCodes', groups.length, false);
  keys.forEach((key, k) => addRankDigits(codes, groups, key, k === 0));
  const starts = scratchInts('sortStarts', rankSpace + 1, true);
  for (let i = 0; i < codes.length; i++) starts[codes[i]! + 1]!++;
  for (let c = 0; c < rankSpace; c++) starts[c + 1]! += starts[c]!;
  const out = new Int32Array(groups.length);
  for (let i = 0; i < groups.length; i++) out[starts[codes[i]!]!++] = groups[i]!;
  return out;
}

/** Compares two groups key by key, then by group id. */
export function chainComparator(keys: readonly ColumnKey[]): GroupComparator {
  const steps: GroupComparator[] = keys.map((key) => {
    if (key.kind === 'rank') {
      const ranks = key.ranks;
      return (a, b) => ranks[a]! - ranks[b]!;
    }
    if (key.kind === 'symbolRank') {
      const { keys, table, nullRank } = key;
      return (a, b) => {
        const sa = keys[a]!;
        const sb = keys[b]!;
        return (sa < 0 ? nullRank : table[sa]!) - (sb < 0 ? nullRank : table[sb]!);
      };
    }
    if (key.kind === 'number') {
      const { values, dir } = key;
      return (a, b) => {
        const va = values[a]!;
        const vb = values[b]!;
        if (va !== va || vb !== vb) return va !== va ? (vb !== vb ? 0 : 1) : -1;
        return va === vb ? 0 : va < vb ? -dir : dir;
      };
    }
    return key.compare;
  });
  if (steps.length === 1) {
    const only = steps[0]!;
    return (a, b) => only(a, b) || a - b;
  }
  return (a, b) => {
    for (let k = 0; k < steps.length; k++) {
      const result = steps[k]!(a, b);
      if (result !== 0) return result;
    }
    return a - b;
  };
}
