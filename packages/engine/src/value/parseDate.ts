import type { DateFormatToken } from './DateFormatToken.js';
import type { FormatSettings } from './FormatSettings.js';
import { DEFAULT_FORMAT_SETTINGS } from './FormatSettings.js';
import { serialFromParts } from './dateSerial.js';
import { tokenizeDateFormat } from './tokenizeDateFormat.js';

interface Fields {
  year?: number;
  month?: number;
  day?: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  pm?: boolean;
}

type FieldToken = Extract<DateFormatToken, { type: 'field' }>;

/**
 * Reads a text as a date/time serial with a Qlik format, as `Date#`,
 * `Time#` and `Timestamp#` do; `[...]` parts may be absent. Returns NaN when
 * the text does not fit the format or names an impossible date.
 */
export function parseDate(
  text: string,
  format: string,
  settings: FormatSettings = DEFAULT_FORMAT_SETTINGS,
): number {
  const serial = parseWith(text, tokenizeDateFormat(format), settings);
  if (!Number.isNaN(serial) || !AM_PM.test(format)) return serial;
  // A 24-hour time without AM/PM reads under a 12-hour format ('16:45:00' under 'h:mm:ss TT').
  return parseWith(text, tokenizeDateFormat(format.replace(AM_PM, '')), settings);
}

const AM_PM = /\s*(?:TT|tt)/;

function parseWith(
  text: string,
  tokens: readonly DateFormatToken[],
  settings: FormatSettings,
): number {
  const fields: Fields = { hour: 0, minute: 0, second: 0, millisecond: 0 };
  const source = text.trim();
  const end = matchTokens(source, 0, tokens, 0, fields, settings);
  if (end < 0 || source.slice(end).trim() !== '') return NaN;
  return toSerial(fields);
}

/** Matches tokens from index `t` at text offset `pos`; returns the end offset or -1. */
function matchTokens(
  text: string,
  pos: number,
  tokens: readonly DateFormatToken[],
  t: number,
  fields: Fields,
  settings: FormatSettings,
): number {
  if (t === tokens.length) return pos;
  const token = tokens[t];
  if (token.optional) {
    const groupEnd = endOfOptionalGroup(tokens, t);
    const trial = { ...fields };
    const afterGroup = matchRange(text, pos, tokens, t, groupEnd, trial, settings);
    if (afterGroup >= 0) {
      const rest = matchTokens(text, afterGroup, tokens, groupEnd, trial, settings);
      if (rest >= 0) {
        Object.assign(fields, trial);
        return rest;
      }
    }
    return matchTokens(text, pos, tokens, groupEnd, fields, settings);
  }
  const next = matchToken(text, pos, token, fields, settings);
  return next < 0 ? -1 : matchTokens(text, next, tokens, t + 1, fields, settings);
}

function matchRange(
  text: string,
  pos: number,
  tokens: readonly DateFormatToken[],
  from: number,
  to: number,
  fields: Fields,
  settings: FormatSettings,
): number {
  let p = pos;
  for (let i = from; i < to && p >= 0; i++) p = matchToken(text, p, tokens[i], fields, settings);
  return p;
}

function endOfOptionalGroup(tokens: readonly DateFormatToken[], from: number): number {
  let i = from;
  while (i < tokens.length && tokens[i].optional) i++;
  return i;
}

function matchToken(
  text: string,
  pos: number,
  token: DateFormatToken,
  fields: Fields,
  settings: FormatSettings,
): number {
  if (token.type === 'literal') return matchLiteral(text, pos, token.text);
  return matchField(text, pos, token, fields, settings);
}

/** Literal separators match exactly, except that any run of spaces matches any run of spaces. */
function matchLiteral(text: string, pos: number, literal: string): number {
  let p = pos;
  for (let i = 0; i < literal.length; i++) {
    if (literal[i] === ' ') {
      if (text[p] !== ' ') return -1;
      while (text[p] === ' ') p++;
      while (literal[i + 1] === ' ') i++;
      continue;
    }
    if (text[p] !== literal[i]) return -1;
    p++;
  }
  return p;
}

function matchField(
  text: string,
  pos: number,
  token: FieldToken,
  fields: Fields,
  settings: FormatSettings,
): number {
  switch (token.field) {
    case 'month':
      if (token.width >= 3)
        return matchName(
          text,
          pos,
          [settings.longMonthNames, settings.monthNames],
          (i) => (fields.month = i + 1),
        );
      return readDigits(text, pos, 2, (n) => (fields.month = n));
    case 'weekday':
      if (token.width >= 3)
        return matchName(text, pos, [settings.longDayNames, settings.dayNames], () => undefined);
      return readDigits(text, pos, 1, () => undefined);
    case 'ampm':
      return matchAmPm(text, pos, fields);
    case 'year':
      return readDigits(
        text,
        pos,
        token.width === 2 ? 2 : 4,
        (n, digits) => (fields.year = digits <= 2 ? twoDigitYear(n) : n),
      );
    case 'day':
      return readDigits(text, pos, 2, (n) => (fields.day = n));
    case 'hour':
      return readDigits(text, pos, 2, (n) => (fields.hour = n));
    case 'minute':
      return readDigits(text, pos, 2, (n) => (fields.minute = n));
    case 'second':
      return readDigits(text, pos, 2, (n) => (fields.second = n));
    case 'fraction':
      return readDigits(
        text,
        pos,
        9,
        (n, digits) => (fields.millisecond = (n / 10 ** digits) * 1000),
      );
  }
}

/** Two-digit years fall in 1930–2029. */
function twoDigitYear(n: number): number {
  return n < 30 ? 2000 + n : 1900 + n;
}

function readDigits(
  text: string,
  pos: number,
  maxDigits: number,
  store: (n: number, digits: number) => void,
): number {
  let p = pos;
  while (
    p < text.length &&
    p - pos < maxDigits &&
    text.charCodeAt(p) >= 48 &&
    text.charCodeAt(p) <= 57
  )
    p++;
  if (p === pos) return -1;
  store(Number(text.slice(pos, p)), p - pos);
  return p;
}

function matchName(
  text: string,
  pos: number,
  nameLists: readonly (readonly string[])[],
  store: (index: number) => void,
): number {
  const rest = text.slice(pos).toLowerCase();
  for (const names of nameLists) {
    const index = names.findIndex((name) => name !== '' && rest.startsWith(name.toLowerCase()));
    if (index >= 0) {
      store(index);
      return pos + names[index].length;
    }
  }
  return -1;
}

function matchAmPm(text: string, pos: number, fields: Fields): number {
  const word = text.slice(pos, pos + 2).toUpperCase();
  if (word !== 'AM' && word !== 'PM') return -1;
  fields.pm = word === 'PM';
  return pos + 2;
}

function toSerial(f: Fields): number {
  let hour = f.hour;
  if (f.pm !== undefined) {
    if (hour < 1 || hour > 12) return NaN;
    hour = (hour % 12) + (f.pm ? 12 : 0);
  }
  if (hour > 23 || f.minute > 59 || f.second > 59) return NaN;
  const time =
    (hour * 3_600_000 + f.minute * 60_000 + f.second * 1000 + f.millisecond) / 86_400_000;
  const hasDate = f.year !== undefined || f.month !== undefined || f.day !== undefined;
  if (!hasDate) return time;
  const year = f.year ?? 1899;
  const month = f.month ?? 1;
  const day = f.day ?? 1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return serialFromParts(year, month, day) + time;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
