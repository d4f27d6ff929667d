import type { NumberSeparators } from './NumberSeparators.js';
import { roundDecimal } from './roundDecimal.js';
import { splitFormatSections } from './splitFormatSections.js';

/** One `;`-separated section of a number format, read once and reused per value. */
interface SectionLayout {
  readonly prefix: string;
  readonly suffix: string;
  readonly percent: boolean;
  readonly grouped: boolean;
  readonly minInt: number;
  readonly minFrac: number;
  readonly maxFrac: number;
  /** A section with no digit placeholder is written as it stands. */
  readonly literalOnly: boolean;
  /** Scientific notation (`0.00E+0`): the exponent's letter, whether '+' is written, its digits. */
  readonly exponent?: { readonly letter: string; readonly plus: boolean; readonly digits: number };
}

interface FormatLayout {
  readonly positive: SectionLayout;
  readonly negative?: SectionLayout;
  /** Parentheses around the number already mark it negative, as in accounting formats. */
  readonly parenthesesMarkNegative: boolean;
}

const cache = new Map<string, FormatLayout>();

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
  const layout = layoutOf(format, separators);
  if (num < 0 && layout.negative !== undefined)
    return renderSection(-num, layout.negative, separators);
  const text = renderSection(Math.abs(num), layout.positive, separators);
  return num < 0 && !layout.parenthesesMarkNegative && /[1-9]/.test(text) ? `-${text}` : text;
}

function layoutOf(format: string, separators: NumberSeparators): FormatLayout {
  const key = `${format}\u0000${separators.decimalSep}\u0000${separators.thousandSep}`;
  let layout = cache.get(key);
  if (layout === undefined) {
    const sections = splitFormatSections(format);
    layout = {
      positive: readSection(sections[0], separators),
      ...(sections.length > 1 &&
        sections[1] !== '' && { negative: readSection(sections[1], separators) }),
      parenthesesMarkNegative: /\(.*[0#].*\)/.test(sections[0]),
    };
    if (cache.size > 1000) cache.clear();
    cache.set(key, layout);
  }
  return layout;
}

function isPlaceholder(ch: string): boolean {
  return ch === '0' || ch === '#';
}

function readSection(
  section: string,
  { decimalSep, thousandSep }: NumberSeparators,
): SectionLayout {
  let first = -1;
  let last = -1;
  for (let i = 0; i < section.length; i++) {
    if (isPlaceholder(section[i])) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) {
    return {
      prefix: section,
      suffix: '',
      percent: false,
      grouped: false,
      minInt: 0,
      minFrac: 0,
      maxFrac: 0,
      literalOnly: true,
    };
  }
  // A decimal separator right before the first placeholder belongs to the pattern ('.00').
  if (decimalSep !== '' && section.slice(first - decimalSep.length, first) === decimalSep)
    first -= decimalSep.length;
  const prefix = section.slice(0, first);
  const suffix = section.slice(last + 1);
  let core = section.slice(first, last + 1);
  const exponentAt = core.search(/[Ee][+-][0#]/);
  let exponent: SectionLayout['exponent'];
  if (exponentAt > 0) {
    const exponentPattern = core.slice(exponentAt + 2);
    exponent = {
      letter: core[exponentAt]!,
      plus: core[exponentAt + 1] === '+',
      digits: Math.max(1, count(exponentPattern, '0')),
    };
    core = core.slice(0, exponentAt);
  }
  const decimalAt = decimalSep === '' ? -1 : core.indexOf(decimalSep);
  const intPattern = decimalAt < 0 ? core : core.slice(0, decimalAt);
  const fracPattern = decimalAt < 0 ? '' : core.slice(decimalAt + decimalSep.length);
  const minFrac = count(fracPattern, '0');
  return {
    prefix,
    suffix,
    percent: prefix.includes('%') || suffix.includes('%'),
    grouped: thousandSep !== '' && intPattern.includes(thousandSep),
    minInt: count(intPattern, '0'),
    minFrac,
    maxFrac: minFrac + count(fracPattern, '#'),
    literalOnly: false,
    ...(exponent && {
      exponent,
      minInt: Math.max(1, count(intPattern, '0') + count(intPattern, '#')),
    }),
  };
}

function renderSection(
  abs: number,
  layout: SectionLayout,
  { decimalSep, thousandSep }: NumberSeparators,
): string {
  if (layout.literalOnly) return layout.prefix;
  if (layout.exponent) return renderScientific(abs, layout, decimalSep);
  const scaled = layout.percent ? abs * 100 : abs;
  const [intDigits, fracDigits] = roundDecimal(scaled, layout.maxFrac)
    .toFixed(layout.maxFrac)
    .split('.');
  let integer = intDigits.padStart(layout.minInt, '0');
  if (
    layout.minInt === 0 &&
    integer === '0' &&
    fracDigits !== undefined &&
    /[1-9]/.test(fracDigits)
  )
    integer = '';
  if (layout.grouped) integer = groupThousands(integer, thousandSep);
  const fraction = trimFraction(fracDigits ?? '', layout.minFrac);
  return layout.prefix + integer + (fraction === '' ? '' : decimalSep + fraction) + layout.suffix;
}

/** A number as mantissa and exponent: `minInt` digits before the decimal separator. */
function renderScientific(abs: number, layout: SectionLayout, decimalSep: string): string {
  const exponentLayout = layout.exponent!;
  let exponent = abs === 0 ? 0 : Math.floor(Math.log10(abs)) - (layout.minInt - 1);
  let mantissa = roundDecimal(abs / 10 ** exponent, layout.maxFrac);
  if (mantissa >= 10 ** layout.minInt) {
    exponent++;
    mantissa = roundDecimal(abs / 10 ** exponent, layout.maxFrac);
  }
  const [intDigits, fracDigits] = mantissa.toFixed(layout.maxFrac).split('.');
  const fraction = trimFraction(fracDigits ?? '', layout.minFrac);
  const sign = exponent < 0 ? '-' : exponentLayout.plus ? '+' : '';
  const exponentText = String(Math.abs(exponent)).padStart(exponentLayout.digits, '0');
  return (
    layout.prefix +
    intDigits +
    (fraction === '' ? '' : decimalSep + fraction) +
    exponentLayout.letter +
    sign +
    exponentText +
    layout.suffix
  );
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
