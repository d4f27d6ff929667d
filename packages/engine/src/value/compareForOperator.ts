import { toNumber } from './toNumber.js';
import { toText } from './toText.js';
import type { Value } from './Value.js';

/**
 * Compares two non-NULL values as the relational operators do: numerically
 * when both read as numbers, otherwise by text, character by character.
 */
export function compareForOperator(a: Exclude<Value, null>, b: Exclude<Value, null>): number {
  const na = toNumber(a);
  const nb = toNumber(b);
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na === nb ? 0 : na < nb ? -1 : 1;
  return compareCodeUnits(toText(a), toText(b));
}

/** Plain character-code order of two texts, as `precedes` and `follows` use. */
export function compareCodeUnits(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
