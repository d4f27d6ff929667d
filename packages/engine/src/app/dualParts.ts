import { numberToText } from '../value/numberToText.js';
import { Dual, type Value } from '../value/Value.js';

/** qText and qNum of a value, with 'NaN' for no number as QIX sends it. */
export function dualParts(value: Value): { qText: string; qNum: number | 'NaN' } {
  if (value === null) return { qText: '-', qNum: 'NaN' };
  if (value instanceof Dual)
    return { qText: value.text, qNum: Number.isFinite(value.num) ? value.num : 'NaN' };
  if (typeof value === 'number')
    return {
      qText: Number.isFinite(value) ? numberToText(value) : 'NaN',
      qNum: Number.isFinite(value) ? value : 'NaN',
    };
  return { qText: value, qNum: 'NaN' };
}
