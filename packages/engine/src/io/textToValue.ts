import type { FormatSettings } from '../value/FormatSettings.js';
import { parseDate } from '../value/parseDate.js';
import { Dual, type Value } from '../value/Value.js';

/**
 * How numbers are written in a text file (Qlik's DecimalSep / ThousandSep),
 * and optionally the date formats (DateFormat, TimestampFormat) a text is
 * tried against when it is no plain number.
 */
export interface NumberInterpretation {
  readonly decimalSep: string;
  readonly thousandSep: string;
  readonly dateFormats?: readonly string[];
  readonly settings?: FormatSettings;
}

const DEFAULT_INTERPRETATION: NumberInterpretation = { decimalSep: '.', thousandSep: '' };
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Interprets one value read from a text file the way Qlik does: a text that
 * reads as a number becomes that number, keeping its text as a `Dual` when it
 * differs from the number's canonical text ('007', '1.50'); anything else
 * stays text. The empty text stays the empty text.
 */
export function textToValue(
  text: string,
  numbers: NumberInterpretation = DEFAULT_INTERPRETATION,
): Value {
  if (text.length === 0 || !mayStartNumber(text.charCodeAt(0))) return text;
  const canonical = toCanonicalNumberText(text, numbers);
  // Any number of digits reads as a number, as in Qlik (6.522157623622897 is a number); the
  // dual keeps the text as written when the double cannot spell it back.
  if (canonical === undefined) return dateOrText(text, numbers);
  const num = Number(canonical);
  if (!Number.isFinite(num)) return text;
  return String(num) === text ? num : new Dual(text, num);
}

/** A text matching one of the date formats becomes a dual of the text and its date serial, as Qlik reads dates. */
function dateOrText(text: string, numbers: NumberInterpretation): Value {
  if (!numbers.dateFormats) return text;
  for (const format of numbers.dateFormats) {
    const serial = parseDate(text, format, numbers.settings);
    if (!Number.isNaN(serial)) return new Dual(text, serial);
  }
  return text;
}

function mayStartNumber(code: number): boolean {
  // digits, '+', '-', '.', ','
  return (code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46 || code === 44;
}

/** The text rewritten with '.' as decimal separator and no grouping, or undefined when it is no number. */
function toCanonicalNumberText(text: string, numbers: NumberInterpretation): string | undefined {
  let candidate = text;
  if (numbers.thousandSep !== '' && candidate.includes(numbers.thousandSep)) {
    if (!hasValidGrouping(candidate, numbers)) return undefined;
    candidate = candidate.split(numbers.thousandSep).join('');
  }
  if (numbers.decimalSep !== '.') {
    if (candidate.includes('.')) return undefined;
    candidate = candidate.replace(numbers.decimalSep, '.');
  }
  return PLAIN_NUMBER.test(candidate) ? candidate : undefined;
}

/** '1,234,567.5' is grouped correctly; '1,23' is not a number. */
function hasValidGrouping(text: string, numbers: NumberInterpretation): boolean {
  const decimalAt = text.indexOf(numbers.decimalSep);
  const integerPart = decimalAt < 0 ? text : text.slice(0, decimalAt);
  const groups = integerPart.replace(/^[+-]/, '').split(numbers.thousandSep);
  return groups.every(
    (group, i) => /^\d+$/.test(group) && (i === 0 ? group.length <= 3 : group.length === 3),
  );
}
