import { Dual, type Value } from './Value.js';
import { toText } from './toText.js';

/**
 * Sort order of values as Qlik sorts a field: numeric values first in
 * numeric order, then texts in text order, NULL last. Returns <0, 0 or >0.
 */
export function compareValues(a: Value, b: Value): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const na = numberOf(a);
  const nb = numberOf(b);
  const aNumeric = !Number.isNaN(na);
  const bNumeric = !Number.isNaN(nb);
  if (aNumeric && bNumeric) return na === nb ? 0 : na < nb ? -1 : 1;
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return compareTexts(toText(a), toText(b));
}

/** Text order used for sorting: case-insensitive first, then case as a tie-breaker. */
export function compareTexts(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a === b ? 0 : a < b ? 1 : -1;
}

function numberOf(v: number | string | Dual): number {
  if (typeof v === 'number') return v;
  if (v instanceof Dual) return v.num;
  return NaN;
}
