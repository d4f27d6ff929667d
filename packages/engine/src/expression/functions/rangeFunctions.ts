import { hasNumber } from '../../value/hasNumber.js';
import { toNumber } from '../../value/toNumber.js';
import type { Value } from '../../value/Value.js';
import { fn, type FunctionTable } from '../FunctionSpec.js';

/** The numeric arguments of a range function; texts and NULLs are left out. */
function numbersIn(args: readonly Value[]): number[] {
  const out: number[] = [];
  for (const v of args) {
    const n = toNumber(v);
    if (!Number.isNaN(n)) out.push(n);
  }
  return out;
}

function sum(nums: readonly number[]): number {
  let s = 0;
  for (const n of nums) s += n;
  return s;
}

/** Range functions over their arguments: RangeSum, RangeAvg, RangeMin, ... */
export const RANGE_FUNCTIONS: FunctionTable = {
  RANGESUM: fn(1, Infinity, (args) => sum(numbersIn(args))),
  RANGEAVG: fn(1, Infinity, (args) => {
    const nums = numbersIn(args);
    return nums.length === 0 ? null : sum(nums) / nums.length;
  }),
  RANGEMIN: fn(1, Infinity, (args) => {
    const nums = numbersIn(args);
    return nums.length === 0 ? null : Math.min(...nums);
  }),
  RANGEMAX: fn(1, Infinity, (args) => {
    const nums = numbersIn(args);
    return nums.length === 0 ? null : Math.max(...nums);
  }),
  RANGECOUNT: fn(1, Infinity, (args) => args.filter((v) => v !== null).length),
  RANGENUMERICCOUNT: fn(
    1,
    Infinity,
    (args) => args.filter((v) => hasNumber(v) || !Number.isNaN(toNumber(v))).length,
  ),
  RANGETEXTCOUNT: fn(
    1,
    Infinity,
    (args) => args.filter((v) => v !== null && Number.isNaN(toNumber(v))).length,
  ),
  RANGENULLCOUNT: fn(1, Infinity, (args) => args.filter((v) => v === null).length),
  RANGEPRODUCT: fn(1, Infinity, (args) => {
    const nums = numbersIn(args);
    return nums.length === 0 ? null : nums.reduce((p, n) => p * n, 1);
  }),
  RANGEONLY: fn(1, Infinity, (args) => {
    const present = args.filter((v) => v !== null);
    return present.length > 0 && present.every((v) => v === present[0]) ? present[0] : null;
  }),
};
