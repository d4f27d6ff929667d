import type { NumberSeparators } from './NumberSeparators.js';
import { splitFormatSections } from './splitFormatSections.js';
import { textToNumber } from './textToNumber.js';

/**
 * Reads a text as a number the way `Num#` does: the format's literal text
 * (currency signs, `%`, parentheses for negatives) and thousands separators
 * are allowed around and in the digits; NaN when the text is no number.
 */
export function parseNumber(
  text: string,
  format: string | undefined,
  separators: NumberSeparators,
): number {
  let t = text.trim();
  if (t === '') return NaN;
  let sign = 1;
  let scale = 1;
  const literals = format === undefined ? '' : literalCharacters(format, separators);
  if (t.startsWith('(') && t.endsWith(')') && literals.includes('(')) {
    sign = -1;
    t = t.slice(1, -1);
  }
  if (t.includes('%')) {
    scale = 0.01;
    t = t.replace('%', '');
  }
  if (literals !== '') t = stripLiterals(t, literals);
  // A space between digit groups is a thousands separator whatever the settings say ('35 648.312').
  if (/^[+-]?\d{1,3}( \d{3})+(\D|$)/.test(t)) t = t.replace(/(\d) (?=\d{3})/g, '$1');
  if (
    separators.thousandSep !== '' &&
    separators.thousandSep !== separators.decimalSep &&
    t.includes(separators.thousandSep)
  ) {
    if (!isGroupedCorrectly(t, separators)) return NaN;
    t = t.split(separators.thousandSep).join('');
  }
  const n = textToNumber(t, separators.decimalSep);
  return Number.isNaN(n) ? NaN : sign * n * scale;
}

/** Characters of a format that are text around the number, not part of it. */
function literalCharacters(format: string, { decimalSep, thousandSep }: NumberSeparators): string {
  let out = '';
  for (const section of splitFormatSections(format)) {
    for (const ch of section) {
      const partOfNumber =
        ch === '0' ||
        ch === '#' ||
        ch === decimalSep ||
        ch === thousandSep ||
        ch === '-' ||
        ch === '+';
      if (!partOfNumber && !out.includes(ch)) out += ch;
    }
  }
  return out;
}

function stripLiterals(text: string, literals: string): string {
  let out = '';
  for (const ch of text) if (!literals.includes(ch)) out += ch;
  return out.trim();
}

/** '1,234,567.5' is grouped in threes; '1,5' is no grouped number. */
function isGroupedCorrectly(text: string, { decimalSep, thousandSep }: NumberSeparators): boolean {
  const decimalAt = decimalSep === '' ? -1 : text.indexOf(decimalSep);
  // No thousands separator after the decimal one ('35.648,3123' with '.' decimals is no number).
  if (decimalAt >= 0 && text.indexOf(thousandSep, decimalAt) >= 0) return false;
  const integer = (decimalAt < 0 ? text : text.slice(0, decimalAt)).replace(/^[+-]/, '');
  const groups = integer.split(thousandSep);
  return groups.every((g, i) => (i === 0 ? g.length >= 1 && g.length <= 3 : g.length === 3));
}
