import { Dual, type Value } from './Value.js';
import { numberToText } from './numberToText.js';

/** The text part of a value; NULL reads as the empty text. */
export function toText(v: Value): string {
  if (typeof v === 'string') return v;
  if (v === null) return '';
  if (v instanceof Dual) return v.text;
  return numberToText(v);
}
