import { toText } from '../value/toText.js';
import { Dual, type Value } from '../value/Value.js';

/** The number of a value, NaN for null and pure text. */
export function numberOf(value: Value): number {
  if (typeof value === 'number') return value;
  if (value instanceof Dual) return value.num;
  return NaN;
}

/** The text of a value, '' for null. */
export function textOf(value: Value): string {
  return toText(value);
}

/** A key that is equal for equal values (numbers by number, text by text). */
export function valueKey(value: Value): string | number {
  const num = numberOf(value);
  return num === num ? num : textOf(value);
}

/**
 * Qlik's text sort order for mixed values: numbers first by number, then text
 * by case-insensitive then case-sensitive comparison.
 */
export function compareForText(a: Value, b: Value): number {
  const na = numberOf(a);
  const nb = numberOf(b);
  const aNum = na === na;
  const bNum = nb === nb;
  if (aNum && bNum) return na - nb;
  if (aNum !== bNum) return aNum ? -1 : 1;
  return compareTexts(textOf(a), textOf(b));
}

/** Compares texts alphabetically, ignoring case first. */
export function compareTexts(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
