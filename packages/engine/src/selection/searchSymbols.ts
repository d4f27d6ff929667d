import type { Field } from '../model/Field.js';
import { SelectionError } from './SelectionError.js';
import { SymbolSet } from './SymbolSet.js';
import { hasWildcards, wildcardPattern } from './wildcardPattern.js';

/** Decides for one value of the field (by symbol index) whether an `=expr` search matches it. */
export type ExpressionMatcher = (index: number) => boolean;

type Comparison = readonly [op: '<' | '<=' | '>' | '>=', bound: number];

const numericSearch = /^\s*(?:(?:<=|>=|<|>)\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?\s*)+$/i;
const comparisonPart = /(<=|>=|<|>)\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)/gi;

/**
 * The values of `field` a Qlik search string finds: `=expr` asks `evaluate`,
 * `>10`, `<=5` or `>=3<7` compare numbers, a pattern with `*` or `?` must
 * match the whole text, and plain words find values with a word starting
 * with any of them. Text matching ignores case.
 */
export function searchSymbols(
  field: Field,
  search: string,
  evaluate?: ExpressionMatcher,
): SymbolSet {
  const cardinality = field.cardinality;
  if (search.trimStart().startsWith('=')) {
    if (!evaluate) {
      throw new SelectionError(
        'SEARCH_NEEDS_EVALUATOR',
        `Expression search "${search}" needs an evaluator`,
      );
    }
    return SymbolSet.where(cardinality, evaluate);
  }
  if (numericSearch.test(search)) {
    const comparisons = parseComparisons(search);
    const nums = field.symbols.nums;
    return SymbolSet.where(cardinality, (i) => comparisons.every((c) => compare(nums[i], c)));
  }
  const texts = field.symbols.texts;
  if (hasWildcards(search)) {
    const pattern = wildcardPattern(search.trim());
    return SymbolSet.where(cardinality, (i) => pattern.test(texts[i]));
  }
  const words = search
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0);
  if (words.length === 0) throw new SelectionError('INVALID_SEARCH', 'The search string is empty');
  return SymbolSet.where(cardinality, (i) => hasWordStartingWith(texts[i].toLowerCase(), words));
}

function parseComparisons(search: string): Comparison[] {
  return [...search.matchAll(comparisonPart)].map(
    (m) => [m[1] as Comparison[0], Number(m[2])] as const,
  );
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
