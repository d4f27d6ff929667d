import { Dual, type Value } from './Value.js';
import { textToNumber } from './textToNumber.js';

/**
 * The number part of a value: a number itself, a dual's number, a text read
 * as a plain number; NaN for NULL and for texts that are no number.
 */
export function toNumber(v: Value): number {
  if (typeof v === 'number') return v;
  if (v === null) return NaN;
  if (v instanceof Dual) return v.num;
  return textToNumber(v);
}
