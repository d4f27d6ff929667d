import { toNumber } from '../../value/toNumber.js';
import type { Value } from '../../value/Value.js';

/** The number of an optional argument, or `fallback` when it is absent or NULL. */
export function optionalNumber(args: readonly Value[], index: number, fallback: number): number {
  const v = args[index];
  if (v === undefined || v === null) return fallback;
  return toNumber(v);
}

/** An integer argument truncated toward zero; NaN when it is no number. */
export function integerArg(v: Value): number {
  return Math.trunc(toNumber(v));
}

/** True when any of the first `count` arguments is NULL (then most functions return NULL). */
export function anyNull(args: readonly Value[], count = args.length): boolean {
  for (let i = 0; i < count && i < args.length; i++) if (args[i] === null) return true;
  return false;
}

/** A numeric result, with NaN and infinities turned into NULL. */
export function numberOrNull(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}
