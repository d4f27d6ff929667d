import type { DateFieldKind, DateFormatToken } from './DateFormatToken.js';

/** Format letters and the field each stands for; months are `M`, minutes `m`. */
const FIELD_LETTERS: Readonly<Record<string, DateFieldKind>> = {
  Y: 'year',
  y: 'year',
  M: 'month',
  D: 'day',
  d: 'day',
  W: 'weekday',
  w: 'weekday',
  h: 'hour',
  H: 'hour',
  m: 'minute',
  s: 'second',
  f: 'fraction',
  T: 'ampm',
  t: 'ampm',
};

const cache = new Map<string, readonly DateFormatToken[]>();

/**
 * Splits a Qlik date/time format (`YYYY-MM-DD hh:mm:ss[.fff] TT`) into field
 * and literal tokens; parts in brackets are optional.
 */
export function tokenizeDateFormat(format: string): readonly DateFormatToken[] {
  let tokens = cache.get(format);
  if (tokens === undefined) {
    tokens = scan(format);
    if (cache.size > 500) cache.clear();
    cache.set(format, tokens);
  }
  return tokens;
}

function scan(format: string): DateFormatToken[] {
  const tokens: DateFormatToken[] = [];
  let optional = false;
  let i = 0;
  while (i < format.length) {
    const ch = format[i];
    if (ch === '[' || ch === ']') {
      optional = ch === '[';
      i++;
      continue;
    }
    const field = FIELD_LETTERS[ch];
    if (field !== undefined) {
      let j = i + 1;
      while (j < format.length && format[j] === ch) j++;
      tokens.push({ type: 'field', field, width: j - i, optional });
      i = j;
      continue;
    }
    let j = i + 1;
    while (
      j < format.length &&
      FIELD_LETTERS[format[j]] === undefined &&
      format[j] !== '[' &&
      format[j] !== ']'
    )
      j++;
    tokens.push({ type: 'literal', text: format.slice(i, j), optional });
    i = j;
  }
  return tokens;
}

/** True when a format string has date or time fields rather than only number placeholders. */
export function isDateFormat(format: string): boolean {
  return tokenizeDateFormat(format).some((t) => t.type === 'field' && t.field !== 'ampm');
}
