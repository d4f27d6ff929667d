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
