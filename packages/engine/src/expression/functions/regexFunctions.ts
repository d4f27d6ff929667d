import { toNumber } from '../../value/toNumber.js';
import { toText } from '../../value/toText.js';
import type { Value } from '../../value/Value.js';
import { fn, type FunctionEntry, functionFamily } from '../FunctionSpec.js';

// Patterns are compiled once: a LOAD calls these per row with the same pattern.
const compiled = new Map<string, RegExp | null>();
const MAX_CACHED = 256;

/** The pattern as a global RegExp ('d' for group positions); null when it is no valid pattern. */
function regexOf(pattern: string, ignoreCase: boolean): RegExp | null {
  const key = `${ignoreCase ? 'i' : 'c'}${pattern}`;
  let regex = compiled.get(key);
  if (regex === undefined) {
    try {
      regex = new RegExp(pattern, ignoreCase ? 'gdi' : 'gd');
    } catch {
      regex = null;
    }
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(key, regex);
  }
  return regex;
}

/** Every match of a pattern in a text, left to right (matchAll works on a copy, so the cached RegExp keeps no state); null for an invalid pattern. */
function matchesOf(text: string, pattern: string, ignoreCase: boolean): RegExpExecArray[] | null {
  const regex = regexOf(pattern, ignoreCase);
  return regex ? [...text.matchAll(regex)] : null;
}

/** The nth item, counting from 1 on the left or from -1 on the right; undefined outside. */
function nth<T>(items: readonly T[], n: number): T | undefined {
  if (!Number.isInteger(n) || n === 0) return undefined;
  return n > 0 ? items[n - 1] : items[items.length + n];
}

/** A group number of a match: 0 the whole match, negative counting from the last group. */
function groupIndex(match: RegExpExecArray, group: number): number {
  return group < 0 ? match.length + group : group;
}

type Reader = (args: readonly Value[], ignoreCase: boolean) => Value;

/** A function and its case-insensitive twin (name + 'I'); NULL when the text or pattern is. */
function withVariant(
  name: string,
  min: number,
  max: number,
  read: Reader,
  params: string,
): Record<string, FunctionEntry> {
  const entry = (ignoreCase: boolean) =>
    fn(
      min,
      max,
      (args) => (args[0] === null || args[1] === null ? null : read(args, ignoreCase)),
      params,
    );
  return { [name]: entry(false), [`${name}I`]: entry(true) };
}

const optional = (args: readonly Value[], at: number, fallback: number): number =>
  args.length > at && args[at] !== null ? Math.trunc(toNumber(args[at]!)) : fallback;

/** The parts of a text between the matches of a delimiter pattern; null when it has none. */
export function regexParts(text: string, pattern: string, ignoreCase: boolean): string[] | null {
  const matches = matchesOf(text, pattern, ignoreCase);
  if (!matches || matches.length === 0) return null;
  const parts: string[] = [];
  let from = 0;
  for (const match of matches) {
    parts.push(text.slice(from, match.index));
    from = match.index + match[0].length;
  }
  parts.push(text.slice(from));
  return parts;
}

/** The whole-match texts of a pattern in a text (ExtractRegEx's values). */
export function regexMatches(text: string, pattern: string, ignoreCase: boolean): string[] {
  return (matchesOf(text, pattern, ignoreCase) ?? []).map((m) => m[0]);
}

/** A group's texts over the matches of a pattern (ExtractRegExGroup's values). */
export function regexGroups(
  text: string,
  pattern: string,
  group: number,
  ignoreCase: boolean,
): (string | null)[] {
  return (matchesOf(text, pattern, ignoreCase) ?? []).map((m) => m[groupIndex(m, group)] ?? null);
}

/** ReplaceRegEx / ReplaceRegExGroup: the span of each chosen match (or of its group) replaced. */
function replace(
  text: string,
  pattern: string,
  to: string,
  group: number,
  occurrence: number,
  ignoreCase: boolean,
): Value {
  const matches = matchesOf(text, pattern, ignoreCase);
  if (!matches) return null;
  const chosen = occurrence === 0 ? matches : [nth(matches, occurrence)].filter((m) => m);
  let out = '';
  let from = 0;
  for (const match of chosen as RegExpExecArray[]) {
    const span = match.indices?.[groupIndex(match, group)];
    if (!span) continue;
    out += text.slice(from, span[0]) + to;
    from = span[1];
  }
  return out + text.slice(from);
}

/**
 * Qlik's regular-expression string functions (CountRegEx, ExtractRegEx,
 * ExtractRegExGroup, IndexRegEx, IndexRegExGroup, MatchRegEx, ReplaceRegEx,
 * ReplaceRegExGroup, SubFieldRegEx), each with its case-insensitive `...I`
 * variant. Patterns use JavaScript's regular-expression syntax; an invalid
 * pattern matches nothing. In a LOAD, ExtractRegEx, ExtractRegExGroup and
 * SubFieldRegEx without their field_no make a row per value (script/
 * generatingCalls).
 */
export const REGEX_FUNCTIONS = functionFamily('STR', {
  ...withVariant(
    'CountRegEx',
    2,
    2,
    ([t, p], i) => matchesOf(toText(t!), toText(p!), i)?.length ?? 0,
    'text, regex',
  ),
  ...withVariant(
    'ExtractRegEx',
    2,
    3,
    (args, i) =>
      nth(regexMatches(toText(args[0]!), toText(args[1]!), i), optional(args, 2, 1)) ?? null,
    'text, regex [, field_no]',
  ),
  ...withVariant(
    'ExtractRegExGroup',
    3,
    4,
    (args, i) =>
      nth(
        regexGroups(toText(args[0]!), toText(args[1]!), optional(args, 2, 0), i),
        optional(args, 3, 1),
      ) ?? null,
    'text, regex, group [, field_no]',
  ),
  ...withVariant(
    'IndexRegEx',
    2,
    3,
    (args, i) => {
      const match = nth(
        matchesOf(toText(args[0]!), toText(args[1]!), i) ?? [],
        optional(args, 2, 1),
      );
      return match ? match.index + 1 : 0;
    },
    'text, regex [, count]',
  ),
  ...withVariant(
    'IndexRegExGroup',
    3,
    4,
    (args, i) => {
      const match = nth(
        matchesOf(toText(args[0]!), toText(args[1]!), i) ?? [],
        optional(args, 3, 1),
      );
      const span = match?.indices?.[groupIndex(match, optional(args, 2, 0))];
      return span ? span[0] + 1 : 0;
    },
    'text, regex, group [, count]',
  ),
  ...withVariant(
    'MatchRegEx',
    2,
    Infinity,
    (args, i) => {
      const text = toText(args[0]!);
      // Only a pattern that matches the whole text counts.
      const at = args
        .slice(1)
        .findIndex(
          (p) => p !== null && (matchesOf(text, `^(?:${toText(p)})$`, i)?.length ?? 0) > 0,
        );
      return at + 1;
    },
    'text, regex1 [, regex2, ...]',
  ),
  ...withVariant(
    'ReplaceRegEx',
    3,
    4,
    (args, i) =>
      args[2] === null
        ? null
        : replace(toText(args[0]!), toText(args[1]!), toText(args[2]!), 0, optional(args, 3, 0), i),
    'text, regex, to_str [, occurrence]',
  ),
  ...withVariant(
    'ReplaceRegExGroup',
    4,
    5,
    (args, i) =>
      args[2] === null
        ? null
        : replace(
            toText(args[0]!),
            toText(args[1]!),
            toText(args[2]!),
            optional(args, 3, 0),
            optional(args, 4, 0),
            i,
          ),
    'text, regex, to_str, group [, occurrence]',
  ),
  ...withVariant(
    'SubFieldRegEx',
    2,
    3,
    (args, i) => {
      const parts = regexParts(toText(args[0]!), toText(args[1]!), i);
      return parts ? (nth(parts, optional(args, 2, 1)) ?? null) : null;
    },
    'text, regex_delimiter [, field_no]',
  ),
});
