import type { Field } from '../model/Field.js';
import { SymbolSet } from './SymbolSet.js';

/** The values of `field` with exactly one of the given texts or numbers. */
export function matchValues(field: Field, values: readonly (string | number)[]): SymbolSet {
  const mask = new Uint8Array(field.cardinality + 1);
  const nums = field.symbols.nums;
  for (const value of values) {
    if (typeof value === 'number') {
      for (let i = 0; i < nums.length; i++) if (nums[i] === value) mask[i] = 1;
    } else {
      const index = field.symbols.indexOfText(value);
      if (index >= 0) mask[index] = 1;
    }
  }
  return SymbolSet.fromMask(mask);
}
