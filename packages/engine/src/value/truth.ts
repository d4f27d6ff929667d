import { toNumber } from './toNumber.js';
import type { Value } from './Value.js';

/** Qlik's logical true. */
export const TRUE = -1;
/** Qlik's logical false. */
export const FALSE = 0;

/** Qlik's -1 / 0 for a boolean. */
export function fromBoolean(b: boolean): number {
  return b ? TRUE : FALSE;
}

/** Whether a value counts as true: a number part that is not zero. NULL and non-numeric text are false. */
export function isTrue(v: Value): boolean {
  const n = toNumber(v);
  return n !== 0 && !Number.isNaN(n);
}
