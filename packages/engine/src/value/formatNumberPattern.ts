import type { NumberSeparators } from './NumberSeparators.js';
import { roundDecimal } from './roundDecimal.js';
import { splitFormatSections } from './splitFormatSections.js';

/**
 * Writes a number with a Qlik number format such as `#,##0.00`, `0.0%`,
 * `(#,##0)` or `$#,##0.00;-$#,##0.00`; the separators say which characters
 * of the format group thousands and start decimals.
 */
export function formatNumberPattern(
  num: number,
  format: string,
  separators: NumberSeparators,
): string {
  if (Number.isNaN(num)) return '-';
  const sections = splitFormatSections(format);
  if (num < 0 && sections.length > 1 && sections[1] !== '') {
    return formatSection(-num, sections[1], separators);
  }
  const text = formatSection(Math.abs(num), sections[0], separators);
  // Parentheses around the number already mark it negative, as in accounting formats.
  const marksNegative = /\(.*[0#].*\)/.test(sections[0]);
  return num < 0 && !marksNegative && /[1-9]/.test(text) ? `-${text}` : text;
}

function isPlaceholder(ch: string): boolean {
  return ch === '0' || ch === '#';
}

function formatSection(
  abs: number,
  section: string,
  { decimalSep, thousandSep }: NumberSeparators,
): string {
  let first = -1;
  let last = -1;
  for (let i = 0; i < section.length; i++) {
    if (isPlaceholder(section[i])) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return section;
  // A decimal separator right before the first placeholder belongs to the pattern ('.00').
  if (decimalSep !== '' && section.slice(first - decimalSep.length, first) === decimalSep)
    first -= decimalSep.length;
  const prefix = section.slice(0, first);
  const suffix = section.slice(last + 1);
  const core = section.slice(first, last + 1);
  const scaled = prefix.includes('%') || suffix.includes('%') ? abs * 100 : abs;
  const decimalAt = decimalSep === '' ? -1 : core.indexOf(decimalSep);
  const intPattern = decimalAt < 0 ? core : core.slice(0, decimalAt);
  const fracPattern = decimalAt < 0 ? '' : core.slice(decimalAt + decimalSep.length);
  const grouped = thousandSep !== '' && intPattern.includes(thousandSep);
  const minInt = count(intPattern, '0');
  const minFrac = count(fracPattern, '0');
  const maxFrac = minFrac + count(fracPattern, '#');
  const [intDigits, fracDigits] = roundDecimal(scaled, maxFrac).toFixed(maxFrac).split('.');
  let integer = intDigits.padStart(minInt, '0');
  if (minInt === 0 && integer === '0' && fracDigits !== undefined && /[1-9]/.test(fracDigits))
    integer = '';
  if (grouped) integer = groupThousands(integer, thousandSep);
  const fraction = trimFraction(fracDigits ?? '', minFrac);
  return prefix + integer + (fraction === '' ? '' : decimalSep + fraction) + suffix;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

function trimFraction(digits: string, minDigits: number): string {
  let end = digits.length;
  while (end > minDigits && digits[end - 1] === '0') end--;
  return digits.slice(0, end);
}

function groupThousands(digits: string, sep: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
    out += digits[i];
  }
  return out;
}
