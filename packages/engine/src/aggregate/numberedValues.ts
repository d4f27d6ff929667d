import type { Value } from '../value/Value.js';

// The numbers each value list made by `toValues` was made from, so that what
// reads a measure column as numbers (sorting, qMin/qMax) reads them as they
// were computed instead of converting the values back. Value lists are never
// changed once computed (a chart's pages read them for as long as it lives).
const numbersBehind = new WeakMap<readonly Value[], Float64Array>();

/** Per-group numbers as values, NaN becoming null; the numbers stay readable through `numbersOf`. */
export function toValues(nums: Float64Array): Value[] {
  const out: Value[] = new Array(nums.length);
  // A copy: the caller's array may be a view of a bigger one that it goes on using.
  const copy = new Float64Array(nums.length);
  for (let g = 0; g < nums.length; g++) {
    const num = nums[g]!;
    copy[g] = num;
    out[g] = num === num ? num : null;
  }
  numbersBehind.set(out, copy);
  return out;
}

/** The numbers (NaN for null) a value list was made from by `toValues`, if it was. */
export function numbersOf(values: readonly Value[]): Float64Array | undefined {
  return numbersBehind.get(values);
}

/** A measure column: its values, or the numbers (NaN for null) a columnar kernel computed. */
export type MeasureValues = readonly Value[] | Float64Array;

/** The value of group g of a measure column. */
export function valueAt(values: MeasureValues, g: number): Value {
  if (!(values instanceof Float64Array)) return values[g]!;
  const num = values[g]!;
  return num === num ? num : null;
}

/** A measure column as values (numbers are made values once, see toValues). */
export function asValues(values: MeasureValues): readonly Value[] {
  return values instanceof Float64Array ? toValues(values) : values;
}

/** A measure column as numbers (NaN for null), when it is numbers or was made from them. */
export function asNumbers(values: MeasureValues): Float64Array | undefined {
  return values instanceof Float64Array ? values : numbersOf(values);
}
