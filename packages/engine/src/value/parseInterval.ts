import { tokenizeDateFormat } from './tokenizeDateFormat.js';

const DAYS_PER_UNIT = { day: 1, hour: 1 / 24, minute: 1 / 1440, second: 1 / 86400 } as const;

/**
 * Reads a duration written with an interval format (`hh:mm:ss`, `D hh:mm`)
 * as days, as `Interval#` does; no unit is bounded, so '30:00' with `hh:mm`
 * is 1.25 days. NaN when the text does not fit.
 */
export function parseInterval(text: string, format: string): number {
  let source = text.trim();
  let sign = 1;
  if (source.startsWith('-')) {
    sign = -1;
    source = source.slice(1);
  }
  let pos = 0;
  let days = 0;
  for (const token of tokenizeDateFormat(format)) {
    if (token.type === 'literal') {
      if (!source.startsWith(token.text, pos)) {
        if (token.optional) continue;
        return NaN;
      }
      pos += token.text.length;
      continue;
    }
    const start = pos;
    while (pos < source.length && source.charCodeAt(pos) >= 48 && source.charCodeAt(pos) <= 57)
      pos++;
    if (pos === start) {
      if (token.optional) continue;
      return NaN;
    }
    const digits = source.slice(start, pos);
    if (token.field === 'fraction') days += Number(`0.${digits}`) * DAYS_PER_UNIT.second;
    else if (token.field in DAYS_PER_UNIT)
      days += Number(digits) * DAYS_PER_UNIT[token.field as keyof typeof DAYS_PER_UNIT];
    else return NaN;
  }
  return pos === source.length ? sign * days : NaN;
}
