import type { Field } from '../model/Field.js';
import { SymbolSet } from './SymbolSet.js';

// Sets of one value, shared by every selection of that value (sets never change once built):
// a thousand sessions clicking the same airports hold a few masks, not one each per click.
const singles = new WeakMap<Field, Map<number, SymbolSet>>();
// Bytes of masks kept per field, at most; past it the field's sets start over.
const SINGLES_BYTES = 4 * 1024 * 1024;

/** The values of `field` with exactly one of the given texts or numbers. */
export function matchValues(field: Field, values: readonly (string | number)[]): SymbolSet {
  if (values.length === 1) return single(field, indexOf(field, values[0]!));
  const mask = new Uint8Array(field.cardinality + 1);
  for (const value of values) {
    const index = indexOf(field, value);
    if (index >= 0) mask[index] = 1;
  }
  return SymbolSet.fromMask(mask);
}

// Symbols are unique by number (and by text among values with no number), so one lookup finds the value.
function indexOf(field: Field, value: string | number): number {
  return typeof value === 'number'
    ? field.symbols.indexOfNum(value)
    : field.symbols.indexOfText(value);
}

/** The set of the one symbol `index` (empty when it is -1), shared. */
function single(field: Field, index: number): SymbolSet {
  let sets = singles.get(field);
  if (!sets) singles.set(field, (sets = new Map()));
  let set = sets.get(index);
  if (!set) {
    if ((sets.size + 1) * (field.cardinality + 1) > SINGLES_BYTES) sets.clear();
    const mask = new Uint8Array(field.cardinality + 1);
    if (index >= 0) mask[index] = 1;
    sets.set(index, (set = SymbolSet.fromMask(mask)));
  }
  return set;
}
