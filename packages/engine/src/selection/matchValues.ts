import type { Field } from '../model/Field.js';
import { SymbolSet } from './SymbolSet.js';

/** The values of `field` with exactly one of the given texts or numbers. */
export function matchValues(field: Field, values: readonly (string | number)[]): SymbolSet {
  const mask = new Uint8Array(field.cardinality + 1);
  for (const value of values) {
    // Symbols are unique by number (and by text among values with no number), so one lookup finds the value.
    const index =
      typeof value === 'number'
        ? field.symbols.indexOfNum(value)
        : field.symbols.indexOfText(value);
    if (index >= 0) mask[index] = 1;
  }
  return SymbolSet.fromMask(mask);
}
