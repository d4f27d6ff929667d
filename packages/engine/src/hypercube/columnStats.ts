import type { Field } from '../model/Field.js';
import type { SymbolTable } from '../model/SymbolTable.js';

/** What `qDimensionInfo` says about the symbols a dimension column shows. */
export interface ColumnStats {
  /** Smallest and largest number among them (Infinity / -Infinity when none has one). */
  readonly min: number;
  readonly max: number;
  /** Length of the longest text. */
  readonly glyphs: number;
  /** Whether every one of them has a number (and there is a row). */
  readonly numeric: boolean;
  /** How many distinct keys, null and Others included. */
  readonly distinct: number;
}

/**
 * The stats of a column's keys (symbols, negative for null and Others).
 * `distinctKeys` says no symbol is in two rows (a chart's only dimension);
 * `present`, when given, marks exactly the symbols among the keys.
 */
export function columnStats(
  keys: Int32Array,
  field: Field,
  distinctKeys: boolean,
  present?: Uint8Array,
): ColumnStats {
  // Many distinct symbols of a field: the field's symbols in order of number and of
  // text length, walked from each end to the first one shown, instead of a lookup per row.
  if (distinctKeys && keys.length * 4 >= field.cardinality && field.cardinality > 0)
    return orderedStats(keys, field, present ?? presentSymbols(keys, field.cardinality));
  return scannedStats(keys, field, distinctKeys);
}

// Over the keys, each symbol's number and text length read once (the field's
// text lengths are worked out once per field).
function scannedStats(keys: Int32Array, field: Field, distinctKeys: boolean): ColumnStats {
  const seen = new Uint8Array(distinctKeys ? 0 : field.cardinality + 1);
  const nums = field.symbols.nums;
  const lengths = fieldOrders(field.symbols).lengths;
  const others = new Set<number>();
  let min = Infinity;
  let max = -Infinity;
  let glyphs = 0;
  let numeric = keys.length > 0;
  let distinct = 0;
  for (let i = 0; i < keys.length; i++) {
    const symbol = keys[i]!;
    if (symbol < 0) {
      if (!others.has(symbol)) others.add(symbol);
      continue;
    }
    if (!distinctKeys) {
      if (seen[symbol] === 1) continue;
      seen[symbol] = 1;
    }
    distinct++;
    const num = nums[symbol]!;
    if (num === num) {
      if (num < min) min = num;
      if (num > max) max = num;
    } else numeric = false;
    const length = lengths[symbol]!;
    if (length > glyphs) glyphs = length;
  }
  return { min, max, glyphs, numeric, distinct: distinct + others.size };
}

function orderedStats(keys: Int32Array, field: Field, present: Uint8Array): ColumnStats {
  const { byNumber, textual, byLength, lengths } = fieldOrders(field.symbols);
  const nums = field.symbols.nums;
  let first = 0;
  while (first < byNumber.length && present[byNumber[first]!] !== 1) first++;
  let last = byNumber.length - 1;
  while (last >= first && present[byNumber[last]!] !== 1) last--;
  let text = 0;
  while (text < textual.length && present[textual[text]!] !== 1) text++;
  let longest = 0;
  while (longest < byLength.length && present[byLength[longest]!] !== 1) longest++;
  const others = new Set<number>();
  let shown = 0;
  for (let i = 0; i < keys.length; i++) {
    const symbol = keys[i]!;
    if (symbol >= 0) shown++;
    else if (!others.has(symbol)) others.add(symbol);
  }
  return {
    min: first <= last ? nums[byNumber[first]!]! : Infinity,
    max: first <= last ? nums[byNumber[last]!]! : -Infinity,
    glyphs: longest < byLength.length ? lengths[byLength[longest]!]! : 0,
    numeric: keys.length > 0 && text === textual.length,
    distinct: shown + others.size,
  };
}

/** Per symbol (and one slot for null) 1 where a key names it. */
function presentSymbols(keys: Int32Array, cardinality: number): Uint8Array {
  const present = new Uint8Array(cardinality + 1);
  for (let i = 0; i < keys.length; i++) if (keys[i]! >= 0) present[keys[i]!] = 1;
  return present;
}

interface FieldOrders {
  /** Text length per symbol. */
  readonly lengths: Int32Array;
  /** The symbols with a number, by number ascending. */
  readonly byNumber: Int32Array;
  /** The symbols without one. */
  readonly textual: Int32Array;
  /** Every symbol, longest text first. */
  readonly byLength: Int32Array;
}

// Worked out once per field (a field's symbols only change by a reload, which makes new ones).
const ordersCache = new WeakMap<SymbolTable, FieldOrders>();

function fieldOrders(symbols: SymbolTable): FieldOrders {
  let orders = ordersCache.get(symbols);
  if (!orders || orders.lengths.length !== symbols.size) {
    const lengths = Int32Array.from(symbols.texts, (text) => text.length);
    orders = lazyOrders(symbols.nums, lengths);
    ordersCache.set(symbols, orders);
  }
  return orders;
}

// The sorted orders are made when first read: a field whose charts show few of its symbols never needs them.
function lazyOrders(nums: Float64Array, lengths: Int32Array): FieldOrders {
  let numbers: { byNumber: Int32Array; textual: Int32Array } | undefined;
  let byLength: Int32Array | undefined;
  const split = () => {
    if (numbers) return numbers;
    const withNumber: number[] = [];
    const without: number[] = [];
    for (let s = 0; s < nums.length; s++) (nums[s]! === nums[s]! ? withNumber : without).push(s);
    const byNumber = Int32Array.from(withNumber).sort((a, b) => nums[a]! - nums[b]!);
    return (numbers = { byNumber, textual: Int32Array.from(without) });
  };
  return {
    lengths,
    get byNumber() {
      return split().byNumber;
    },
    get textual() {
      return split().textual;
    },
    get byLength() {
      byLength ??= longestFirst(lengths);
      return byLength;
    },
  };
}

// A counting sort by length, longest first.
function longestFirst(lengths: Int32Array): Int32Array {
  let longest = 0;
  for (let s = 0; s < lengths.length; s++) if (lengths[s]! > longest) longest = lengths[s]!;
  const starts = new Int32Array(longest + 2);
  for (let s = 0; s < lengths.length; s++) starts[longest - lengths[s]! + 1]!++;
  for (let l = 0; l <= longest; l++) starts[l + 1]! += starts[l]!;
  const out = new Int32Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) out[starts[longest - lengths[s]!]!++] = s;
  return out;
}
