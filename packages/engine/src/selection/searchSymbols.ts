import type { Field } from '../model/Field.js';
import { SelectionError } from './SelectionError.js';
import { SymbolSet } from './SymbolSet.js';
import { hasWildcards, wildcardPattern } from './wildcardPattern.js';
import { editDistance } from '../value/editDistance.js';

/** Decides for one value of the field (by symbol index) whether an `=expr` search matches it. */
export type ExpressionMatcher = (index: number) => boolean;

/** How a search string is read. */
export interface SearchOptions {
  /**
   * A search made by a program (set analysis) rather than typed into a list:
   * plain text must then match the whole value (ignoring case) instead of
   * the start of any word, as Qlik does.
   */
  readonly programmatic?: boolean;
}

type Comparison = readonly [op: '<' | '<=' | '>' | '>=', bound: number];

const numericSearch = /^\s*(?:(?:<=|>=|<|>)\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?\s*)+$/i;
const comparisonPart = /(<=|>=|<|>)\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)/gi;

/**
 * The values of `field` a Qlik search string finds: `=expr` asks `evaluate`;
 * `>10`, `<=5` or `>=3<7` compare numbers; `~text` picks the single closest
 * value; `(a|b&c)` combines searches with or (`|`) and and (`&`); a pattern
 * with `*` or `?` must match the whole text; plain words find values with a
 * word starting with any of them (whole values when `programmatic`). Text
 * matching ignores case.
 */
export function searchSymbols(
  field: Field,
  search: string,
  evaluate?: ExpressionMatcher,
  options: SearchOptions = {},
): SymbolSet {
  const trimmed = search.trim();
  if (trimmed.startsWith('=')) return expressionSearch(field, search, evaluate);
  if (numericSearch.test(trimmed)) return numericRange(field, trimmed);
  if (trimmed.startsWith('~')) return fuzzySearch(field, trimmed.slice(1));
  if (trimmed.startsWith('(') && trimmed.endsWith(')')) {
    return compoundSearch(field, trimmed.slice(1, -1), evaluate, options);
  }
  const text = unquote(trimmed);
  if (hasWildcards(text) || options.programmatic) {
    const pattern = wildcardPattern(text);
    return SymbolSet.where(field.cardinality, (i) => pattern.test(field.symbols.texts[i]));
  }
  return wordStartSearch(field, text);
}

function expressionSearch(
  field: Field,
  search: string,
  evaluate: ExpressionMatcher | undefined,
): SymbolSet {
  if (!evaluate) {
    throw new SelectionError(
      'SEARCH_NEEDS_EVALUATOR',
      `Expression search "${search}" needs an evaluator`,
    );
  }
  return SymbolSet.where(field.cardinality, evaluate);
}

function numericRange(field: Field, search: string): SymbolSet {
  const comparisons = [...search.matchAll(comparisonPart)].map(
    (m) => [m[1] as Comparison[0], Number(m[2])] as const,
  );
  const nums = field.symbols.nums;
  return SymbolSet.where(field.cardinality, (i) => comparisons.every((c) => compare(nums[i], c)));
}

function compare(num: number, [op, bound]: Comparison): boolean {
  switch (op) {
    case '<':
      return num < bound;
    case '<=':
      return num <= bound;
    case '>':
      return num > bound;
    case '>=':
      return num >= bound;
  }
}

/** `a|b&c`: alternatives split on `|`, each the intersection of its `&` parts. */
function compoundSearch(
  field: Field,
  body: string,
  evaluate: ExpressionMatcher | undefined,
  options: SearchOptions,
): SymbolSet {
  let found = SymbolSet.empty(field.cardinality);
  for (const alternative of body.split('|')) {
    const parts = alternative
      .split('&')
      .map((part) => searchSymbols(field, part, evaluate, options));
    found = found.union(parts.reduce((all, part) => all.intersect(part)));
  }
  return found;
}

/** The one value closest to `target` by edit distance, ignoring case (the first on ties). */
function fuzzySearch(field: Field, target: string): SymbolSet {
  const wanted = target.trim().toLowerCase();
  let best = -1;
  let bestDistance = Infinity;
  for (let i = 0; i < field.cardinality; i++) {
    const distance = editDistance(field.symbols.texts[i].toLowerCase(), wanted);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return SymbolSet.of(field.cardinality, best < 0 ? [] : [best]);
}

function wordStartSearch(field: Field, text: string): SymbolSet {
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0);
  if (words.length === 0) throw new SelectionError('INVALID_SEARCH', 'The search string is empty');
  const texts = field.symbols.texts;
  return SymbolSet.where(field.cardinality, (i) =>
    hasWordStartingWith(texts[i].toLowerCase(), words),
  );
}

function hasWordStartingWith(text: string, words: readonly string[]): boolean {
  for (const word of words) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      if (at === 0 || !isWordChar(text.charCodeAt(at - 1))) return true;
    }
  }
  return false;
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || code > 127;
}

/** Drops one pair of surrounding double quotes, as set analysis writes its searches. */
function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}
