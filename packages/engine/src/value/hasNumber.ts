import { Dual, type Value } from './Value.js';

/** True when a value carries a number of its own (a number or a dual), as IsNum asks. */
export function hasNumber(v: Value): boolean {
  if (typeof v === 'number') return !Number.isNaN(v);
  return v instanceof Dual && !Number.isNaN(v.num);
}
