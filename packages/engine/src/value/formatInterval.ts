import { tokenizeDateFormat } from './tokenizeDateFormat.js';

const UNIT_MS = { day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1000 } as const;

/**
 * Writes a duration in days with an interval format (`hh:mm:ss`, `D hh:mm`):
 * the largest unit in the format is not wrapped, so 30 hours read '30:00:00'.
 */
export function formatInterval(days: number, format: string): string {
  if (!Number.isFinite(days)) return '-';
  const tokens = tokenizeDateFormat(format);
  const has = (field: string): boolean =>
    tokens.some((t) => t.type === 'field' && t.field === field);
  let rest = Math.round(Math.abs(days) * UNIT_MS.day);
  const take = (unit: keyof typeof UNIT_MS, present: boolean): number => {
    if (!present) return 0;
    const count = Math.floor(rest / UNIT_MS[unit]);
    rest -= count * UNIT_MS[unit];
    return count;
  };
  const values = {
    day: take('day', has('day')),
    hour: take('hour', has('hour')),
    minute: take('minute', has('minute')),
    second: take('second', has('second')),
    fraction: rest,
  };
  let out = days < 0 ? '-' : '';
  // An interval has no AM/PM: the default format comes from a TimeFormat such
  // as 'h:mm:ss TT', whose marker goes together with the space before it.
  const ampm = tokens.findIndex((t) => t.type === 'field' && t.field === 'ampm');
  for (const [i, token] of tokens.entries()) {
    if (ampm >= 0 && i === ampm - 1 && token.type === 'literal' && token.text.trim() === '')
      continue;
    if (token.optional) continue;
    if (token.type === 'literal') {
      out += token.text;
    } else if (token.field === 'fraction') {
      out += String(values.fraction)
        .padStart(3, '0')
        .padEnd(token.width, '0')
        .slice(0, token.width);
    } else if (
      token.field === 'day' ||
      token.field === 'hour' ||
      token.field === 'minute' ||
      token.field === 'second'
    ) {
      out += String(values[token.field]).padStart(token.width, '0');
    }
  }
  return out;
}
