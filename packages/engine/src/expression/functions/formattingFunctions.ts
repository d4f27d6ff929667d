import { formatDate } from '../../value/formatDate.js';
import { formatInterval } from '../../value/formatInterval.js';
import { formatNumberPattern } from '../../value/formatNumberPattern.js';
import type { FormatSettings } from '../../value/FormatSettings.js';
import type { NumberSeparators } from '../../value/NumberSeparators.js';
import { numberToText } from '../../value/numberToText.js';
import { parseDate } from '../../value/parseDate.js';
import { parseInterval } from '../../value/parseInterval.js';
import { parseNumber } from '../../value/parseNumber.js';
import { toDateSerial } from '../../value/toDateSerial.js';
import { toNumber } from '../../value/toNumber.js';
import { toText } from '../../value/toText.js';
import { Dual, type Value } from '../../value/Value.js';
import type { EvalContext } from '../EvalContext.js';
import { fn, type FunctionEntry, functionFamily } from '../FunctionSpec.js';

/** The format argument at `index`, or the fallback when it is absent or NULL. */
function formatArg(args: readonly Value[], index: number, fallback: string): string {
  const v = args[index];
  return v === undefined || v === null ? fallback : toText(v);
}

/** Separators from the optional decimal/thousands arguments of Num, Num# and Money. */
function separatorsArg(
  args: readonly Value[],
  from: number,
  defaults: NumberSeparators,
): NumberSeparators {
  return {
    decimalSep: formatArg(args, from, defaults.decimalSep),
    thousandSep: formatArg(args, from + 1, defaults.thousandSep),
  };
}

function moneySeparators(settings: FormatSettings): NumberSeparators {
  return { decimalSep: settings.moneyDecimalSep, thousandSep: settings.moneyThousandSep };
}

/** Date(), Time(), Timestamp(): the number kept, the text written with a date/time format. */
function dateFormatter(
  defaultFormat: (s: FormatSettings) => string,
  params: string,
): FunctionEntry {
  return fn(
    1,
    2,
    (args, ctx) => {
      const n = toDateSerial(args[0], ctx.format);
      if (Number.isNaN(n)) return null;
      return new Dual(formatDate(n, formatArg(args, 1, defaultFormat(ctx.format)), ctx.format), n);
    },
    params,
  );
}

/** Date#(), Time#(), Timestamp#(): the text kept, the number read with a date/time format. */
function dateInterpreter(
  defaultFormat: (s: FormatSettings) => string,
  params: string,
): FunctionEntry {
  return fn(
    1,
    2,
    (args, ctx) => {
      if (args[0] === null) return null;
      const text = toText(args[0]);
      const n = parseDate(text, formatArg(args, 1, defaultFormat(ctx.format)), ctx.format);
      return Number.isNaN(n) ? null : new Dual(text, n);
    },
    params,
  );
}

function num(args: readonly Value[], ctx: EvalContext): Value {
  const n = toNumber(args[0]);
  if (Number.isNaN(n)) return null;
  if (args.length < 2 || args[1] === null)
    return new Dual(numberToText(n, ctx.format.decimalSep), n);
  return new Dual(formatNumberPattern(n, toText(args[1]), separatorsArg(args, 2, ctx.format)), n);
}

function numInterpret(args: readonly Value[], ctx: EvalContext): Value {
  if (args[0] === null) return null;
  const text = toText(args[0]);
  const format = args.length > 1 && args[1] !== null ? toText(args[1]) : undefined;
  const n = parseNumber(text, format, separatorsArg(args, 2, ctx.format));
  return Number.isNaN(n) ? null : new Dual(text, n);
}

/** Formatting functions: Num, Money, Date, Time, Timestamp, Interval, Dual, Text. */
export const FORMATTING_FUNCTIONS = functionFamily('FRMT', {
  Num: fn(1, 4, num, 'number [, format [, dec_sep [, thou_sep]]]'),
  Money: fn(
    1,
    4,
    (args, ctx) => {
      const n = toNumber(args[0]!);
      if (Number.isNaN(n)) return null;
      const format = formatArg(args, 1, ctx.format.moneyFormat);
      return new Dual(
        formatNumberPattern(n, format, separatorsArg(args, 2, moneySeparators(ctx.format))),
        n,
      );
    },
    'number [, format [, dec_sep [, thou_sep]]]',
  ),
  Dual: fn(
    2,
    2,
    ([text, number]) => {
      const n = toNumber(number!);
      if (text === null && Number.isNaN(n)) return null;
      return Number.isNaN(n) ? toText(text!) : new Dual(toText(text!), n);
    },
    'text, number',
  ),
  Date: dateFormatter((s) => s.dateFormat, 'number[, format]'),
  Time: dateFormatter((s) => s.timeFormat, 'number[, format]'),
  Timestamp: dateFormatter((s) => s.timestampFormat, 'number[, format]'),
  Interval: fn(
    1,
    2,
    (args, ctx) => {
      const n = toNumber(args[0]!);
      if (Number.isNaN(n)) return null;
      return new Dual(formatInterval(n, formatArg(args, 1, ctx.format.timeFormat)), n);
    },
    'number[, format]',
  ),
  // The text of a value, its number dropped.
  Text: fn(1, 1, ([v]) => (v === null ? null : toText(v!)), 'expr'),
});

/** Interpretation functions: Num#, Money#, Date#, Time#, Timestamp#, Interval#, Text#. */
export const INTERPRETATION_FUNCTIONS = functionFamily('NUMI', {
  'Num#': fn(1, 4, numInterpret, 'text[, format[, dec_sep [, thou_sep]]]'),
  'Money#': fn(
    1,
    4,
    (args, ctx) => {
      if (args[0] === null) return null;
      const text = toText(args[0]!);
      const n = parseNumber(
        text,
        formatArg(args, 1, ctx.format.moneyFormat),
        separatorsArg(args, 2, moneySeparators(ctx.format)),
      );
      return Number.isNaN(n) ? null : new Dual(text, n);
    },
    'text[, format[, dec_sep [, thou_sep]]]',
  ),
  'Date#': dateInterpreter((s) => s.dateFormat, 'text[, format]'),
  'Time#': dateInterpreter((s) => s.timeFormat, 'text[, format]'),
  'Timestamp#': dateInterpreter((s) => s.timestampFormat, 'text[, format]'),
  'Interval#': fn(
    1,
    2,
    (args, ctx) => {
      if (args[0] === null) return null;
      const text = toText(args[0]!);
      const n = parseInterval(text, formatArg(args, 1, ctx.format.timeFormat));
      return Number.isNaN(n) ? null : new Dual(text, n);
    },
    'text[, format]',
  ),
  // The value read as text only: a number becomes its text.
  'Text#': fn(1, 1, ([v]) => (v === null ? null : toText(v!)), 'expr'),
});
