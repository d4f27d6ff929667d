import { hasNumber } from '../../value/hasNumber.js';
import { matchWildcard } from '../../value/matchWildcard.js';
import { numberToText } from '../../value/numberToText.js';
import { textToNumber } from '../../value/textToNumber.js';
import { toNumber } from '../../value/toNumber.js';
import { toText } from '../../value/toText.js';
import { isTrue } from '../../value/truth.js';
import { Dual, type Value } from '../../value/Value.js';
import { fn, functionFamily } from '../FunctionSpec.js';
import { integerArg } from './argumentReaders.js';

/** Whether a value has a number: a number, a dual, or a text that reads as one. */
export function isNumeric(v: Value): boolean {
  return hasNumber(v) || (typeof v === 'string' && !Number.isNaN(textToNumber(v)));
}

/** 1-based index of the first candidate whose text matches; 0 when none does. */
function matchIndex(
  args: readonly Value[],
  matches: (text: string, candidate: string) => boolean,
): number {
  if (args[0] === null) return 0;
  const text = toText(args[0]);
  for (let i = 1; i < args.length; i++) {
    if (args[i] !== null && matches(text, toText(args[i]))) return i;
  }
  return 0;
}

/** Class(): the bucket of width `interval` (shifted by `offset`) a number falls in, as a dual of '20<=x<30' and 20. */
function classOf(args: readonly Value[]): Value {
  const x = toNumber(args[0]);
  const width = toNumber(args[1]);
  const offset = args.length > 3 && args[3] !== null ? toNumber(args[3]) : 0;
  if ([x, width, offset].some(Number.isNaN) || width <= 0) return null;
  const lower = Math.floor((x - offset) / width) * width + offset;
  const upper = lower + width;
  const name = args.length > 2 && args[2] !== null ? toText(args[2]) : 'x';
  // Qlik writes a one-letter label tight ('20<=x<30') and a word spaced ('20<= value <25').
  const label = name.length > 1 ? ` ${name} ` : name;
  return new Dual(`${numberToText(lower)}<=${label}<${numberToText(upper)}`, lower);
}

/**
 * Conditional functions: If, Alt, Class, Coalesce, Match, MixMatch, Pick,
 * WildMatch. (If is compiled specially so that only the branch taken is
 * evaluated; its entry here serves callers that have the values already.)
 */
export const CONDITIONAL_FUNCTIONS = functionFamily('CND', {
  If: fn(
    2,
    3,
    (args) => (isTrue(args[0]) ? args[1]! : (args[2] ?? null)),
    'condition, then [, else]',
  ),
  Alt: fn(
    1,
    Infinity,
    (args) => {
      for (let i = 0; i < args.length - 1; i++) if (isNumeric(args[i]!)) return args[i]!;
      return args[args.length - 1]!;
    },
    'expr1 [, expr2, expr3, ...], else',
  ),
  Class: fn(2, 4, classOf, 'expression, interval [, label [, offset]]'),
  Coalesce: fn(
    1,
    Infinity,
    (args) => {
      for (const v of args) if (v !== null) return v;
      return null;
    },
    'expr1 [, expr2, expr3, ...]',
  ),
  Match: fn(
    2,
    Infinity,
    (args) => matchIndex(args, (a, b) => a === b),
    'str, expr1 [, expr2, ...exprN]',
  ),
  MixMatch: fn(
    2,
    Infinity,
    (args) => matchIndex(args, (a, b) => a.toLowerCase() === b.toLowerCase()),
    'str, expr1 [, expr2, ...exprN]',
  ),
  WildMatch: fn(
    2,
    Infinity,
    (args) => matchIndex(args, matchWildcard),
    'str, expr1 [, expr2, ...exprN]',
  ),
  Pick: fn(
    2,
    Infinity,
    (args) => {
      const n = integerArg(args[0]!);
      return n >= 1 && n < args.length ? args[n]! : null;
    },
    'n, expr1 [, expr2, ...exprN]',
  ),
});
