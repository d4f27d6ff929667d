import { toText } from '../value/toText.js';
import type { Value } from '../value/Value.js';

export { numberOf } from '../expression/aggregations/groupReaders.js';

/** The text of a value, '' for null. */
export function textOf(value: Value): string {
  return toText(value);
}

/** Compares texts alphabetically, ignoring case first. */
export function compareTexts(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
