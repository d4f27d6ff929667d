import type { Field } from '../model/Field.js';

const cache = new WeakMap<Field, Float64Array>();

/**
 * The number of every symbol of a field plus a NaN slot at the null code
 * (`cardinality`), so `nums[code]` needs no null test in a row loop.
 */
export function fieldNumbers(field: Field): Float64Array {
  let nums = cache.get(field);
  if (!nums) {
    nums = new Float64Array(field.cardinality + 1);
    nums.set(field.symbols.nums);
    nums[field.cardinality] = NaN;
    cache.set(field, nums);
  }
  return nums;
}
