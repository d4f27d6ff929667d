import { ExpressionError } from './ExpressionError.js';
import { positionOf } from './positionOf.js';

/**
 * Supplies the text for one dollar-sign expansion: a variable's value for
 * `$(name)` (`isExpression` false) or an evaluated expression's text for
 * `$(=expr)` (`isExpression` true, without the `=`). `undefined` expands to
 * nothing, as an unknown variable does in Qlik.
 */
export type DollarResolver = (
  nameOrExpression: string,
  isExpression: boolean,
) => string | undefined;

/** Expansions whose values expand again deeper than this are taken for a cycle. */
const MAX_DEPTH = 32;

/**
 * Replaces every `$(name)`, `$(name(arg1, arg2))` and `$(=expression)` in a
 * text, innermost first (`$(v$(i))`), before the text is parsed. Values that
 * hold expansions are expanded in turn; parameters replace `$1`, `$2`, ...
 * in the variable's value.
 */
export function expandDollars(text: string, resolve: DollarResolver): string {
  return expand(text, resolve, 0);
}

function expand(text: string, resolve: DollarResolver, depth: number): string {
  if (depth > MAX_DEPTH) {
    throw new ExpressionError(
      'EXPRESSION_DOLLAR_EXPANSION',
      `Dollar-sign expansion nested deeper than ${MAX_DEPTH}: ${text.slice(0, 60)}`,
    );
  }
  let out = '';
  let i = 0;
  for (;;) {
    const at = text.indexOf('$(', i);
    if (at < 0) return out + text.slice(i);
    out += text.slice(i, at);
    const close = matchingParen(text, at + 1);
    if (close < 0) {
      throw new ExpressionError(
        'EXPRESSION_DOLLAR_EXPANSION',
        "Unterminated dollar-sign expansion '$('",
        positionOf(text, at),
      );
    }
    const inner = expand(text.slice(at + 2, close), resolve, depth + 1);
    out += expandOne(inner, resolve, depth);
    i = close + 1;
  }
}

function expandOne(inner: string, resolve: DollarResolver, depth: number): string {
  const trimmed = inner.trim();
  if (trimmed.startsWith('=')) return resolve(trimmed.slice(1), true) ?? '';
  const name = trimmed.startsWith('#') ? trimmed.slice(1).trim() : trimmed;
  const paren = name.indexOf('(');
  if (paren > 0 && name.endsWith(')')) {
    const value = resolve(name.slice(0, paren).trim(), false) ?? '';
    return expand(
      substituteParameters(value, splitArguments(name.slice(paren + 1, -1))),
      resolve,
      depth + 1,
    );
  }
  return expand(resolve(name, false) ?? '', resolve, depth + 1);
}

/** Offset of the ')' closing the '(' at `open`, skipping quoted text; -1 when missing. */
function matchingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"' || ch === '[') {
      const closer = ch === '[' ? ']' : ch;
      const end = text.indexOf(closer, i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (ch === '(') {
      depth++;
    } else if (ch === ')' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

function splitArguments(list: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = 0;
  let quote = '';
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (quote !== '') {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      args.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  args.push(list.slice(start).trim());
  return args;
}

/** Replaces `$1` ... `$n` with the arguments; `$10` is read whole, not as `$1` then `0`. */
function substituteParameters(value: string, args: readonly string[]): string {
  return value.replace(/\$(\d+)/g, (whole, digits: string) => {
    const n = Number(digits);
    return n >= 1 && n <= args.length ? args[n - 1] : whole;
  });
}
