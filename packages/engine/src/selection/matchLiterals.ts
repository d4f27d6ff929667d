import type { Field } from '../model/Field.js';
import { SymbolSet } from './SymbolSet.js';
import { hasWildcards, wildcardPattern } from './wildcardPattern.js';

/**
 * The values of `field` named by a set-analysis value list: a number matches
 * values with that number, a string matches values with exactly that text, or
 * with `*`/`?` every value whose text fits the pattern (ignoring case).
 */
export function matchLiterals(field: Field, literals: readonly (string | number)[]): SymbolSet {
  const mask = new Uint8Array(field.cardinality + 1);
  const symbols = field.symbols;
  for (const literal of literals) {
    if (typeof literal === 'number') {
      const index = symbols.indexOfNum(literal);
      if (index >= 0) mask[index] = 1;
    } else if (hasWildcards(literal)) {
      const pattern = wildcardPattern(literal);
      for (let i = 0; i < symbols.size; i++) if (pattern.test(symbols.texts[i])) mask[i] = 1;
    } else {
      const index = symbols.indexOfText(literal);
      if (index >= 0) mask[index] = 1;
    }
  }
  return SymbolSet.fromMask(mask);
}
