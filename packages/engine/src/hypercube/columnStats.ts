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
  // Many distinct symbols of a field: the field's extremes (its smallest and largest
  // numbers, longest texts, kept per field) walked to the first one shown, instead of a
  // lookup per row.
  if (distinctKeys && keys.length * 4 >= field.cardinality && field.cardinality > 0)
    return orderedStats(keys, field, present ?? presentSymbols(keys, field.cardinality));
  return scannedStats(keys, field, distinctKeys);
}

// Over the keys, each symbol's number and text length read once (the field's
// text lengths are worked out once per field).
function scannedStats(keys: Int32Array, field: Field, distinctKeys: boolean): ColumnStats {
  const seen = new Uint8Array(distinctKeys ? 0 : field.cardinality + 1);
  const nums = field.symbols.nums;
  const lengths = textLengths(field.symbols);
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
    // Every symbol seen (a small field under many groups): only nulls and Others are left to find.
    if (distinct === field.cardinality) {
      for (i++; i < keys.length; i++) {
        const rest = keys[i]!;
        if (rest < 0 && !others.has(rest)) others.add(rest);
      }
    }
  }
  return { min, max, glyphs, numeric, distinct: distinct + others.size };
}

function orderedStats(keys: Int32Array, field: Field, present: Uint8Array): ColumnStats {
  const { smallest, largest, longest, numbered, textual, lengths } = fieldOrders(field.symbols);
  const min = firstShown(smallest, present);
  const max = firstShown(largest, present);
  const long = firstShown(longest, present);
  // None shown among a field's extremes (kept for HEAD of them): the scan answers.
  if (
    (min < 0 && smallest.length < numbered) ||
    (max < 0 && largest.length < numbered) ||
    (long < 0 && longest.length < lengths.length)
  )
    return scannedStats(keys, field, true);
  const shown = symbolKeys(keys);
  const nums = field.symbols.nums;
  return {
    min: min >= 0 ? nums[min]! : Infinity,
    max: max >= 0 ? nums[max]! : -Infinity,
    glyphs: long >= 0 ? lengths[long]! : 0,
    numeric: keys.length > 0 && firstShown(textual, present) < 0,
    distinct: shown + (shown < keys.length ? otherKeys(keys) : 0),
  };
}

// The loops over every key take typed arrays only, and the keys for null and
// Others (rare) are counted apart: a loop with a branch it seldom took lost its
// machine code whenever it took it, and again after each full collection.

/** How many keys name a symbol (the others are null or Others). */
function symbolKeys(keys: Int32Array): number {
  let shown = 0;
  for (let i = 0; i < keys.length; i++) if (keys[i]! >= 0) shown++;
  return shown;
}

/** How many distinct keys for null and Others (negative keys). */
function otherKeys(keys: Int32Array): number {
  const others = new Set<number>();
  for (let i = 0; i < keys.length; i++) if (keys[i]! < 0) others.add(keys[i]!);
  return others.size;
}

// The first symbol of `list` that is shown, or -1.
function firstShown(list: Int32Array, present: Uint8Array): number {
  for (let i = 0; i < list.length; i++) if (present[list[i]!] === 1) return list[i]!;
  return -1;
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
  /** How many symbols have a number. */
  readonly numbered: number;
  /** The HEAD symbols with the smallest numbers, smallest first; the largest, largest first. */
  readonly smallest: Int32Array;
  readonly largest: Int32Array;
  /** The HEAD symbols with the longest texts, longest first. */
  readonly longest: Int32Array;
  /** The symbols without a number. */
  readonly textual: Int32Array;
}

// A chart showing a quarter of a field's values or more shows one of its 64
// smallest numbers all but always; when it shows none, the scan answers.
const HEAD = 64;

// Worked out once per field (a field's symbols only change by a reload, which
// makes new ones); the extremes only for a field a chart shows much of.
const lengthsCache = new WeakMap<SymbolTable, Int32Array>();
const ordersCache = new WeakMap<SymbolTable, FieldOrders>();

function textLengths(symbols: SymbolTable): Int32Array {
  let lengths = lengthsCache.get(symbols);
  if (!lengths || lengths.length !== symbols.size) {
    lengths = Int32Array.from(symbols.texts, (text) => text.length);
    lengthsCache.set(symbols, lengths);
  }
  return lengths;
}

function fieldOrders(symbols: SymbolTable): FieldOrders {
  const lengths = textLengths(symbols);
  let orders = ordersCache.get(symbols);
  if (!orders || orders.lengths !== lengths) {
    orders = headsOf(symbols.nums, lengths);
    ordersCache.set(symbols, orders);
  }
  return orders;
}

function headsOf(nums: Float64Array, lengths: Int32Array): FieldOrders {
  const textual: number[] = [];
  for (let s = 0; s < nums.length; s++) if (nums[s]! !== nums[s]!) textual.push(s);
  const numbered = nums.length - textual.length;
  const hasNumber = (s: number) => nums[s]! === nums[s]!;
  return {
    lengths,
    numbered,
    smallest: best(nums.length, hasNumber, (a, b) => nums[a]! < nums[b]!),
    largest: best(nums.length, hasNumber, (a, b) => nums[a]! > nums[b]!),
    longest: best(
      nums.length,
      () => true,
      (a, b) => lengths[a]! > lengths[b]!,
    ),
    textual: Int32Array.from(textual),
  };
}

// The HEAD symbols that come first by `before` among those `eligible`, in that order:
// one pass, each symbol placed by insertion only when it beats the last kept.
function best(
  count: number,
  eligible: (s: number) => boolean,
  before: (a: number, b: number) => boolean,
): Int32Array {
  const head = new Int32Array(HEAD);
  let size = 0;
  for (let s = 0; s < count; s++) {
    if (!eligible(s)) continue;
    if (size === HEAD && !before(s, head[HEAD - 1]!)) continue;
    let at = size < HEAD ? size++ : HEAD - 1;
    while (at > 0 && before(s, head[at - 1]!)) {
      head[at] = head[at - 1]!;
      at--;
    }
    head[at] = s;
  }
  return head.slice(0, size);
}
