import type { FieldSelection, Selections } from './FieldSelection.js';
import type { SymbolSet } from './SymbolSet.js';

// Symbol sets never change once built, and selections of one value share theirs: one text per set.
const setKeys = new WeakMap<SymbolSet, string>();

/**
 * A text that is the same for two selection maps exactly when they select
 * the same symbols of the same fields, in the same order, with the same
 * locks: what a chart computed over one of them may be reused for the other.
 */
export function selectionKey(selections: Selections): string {
  const known = mapKeys.get(selections);
  if (known !== undefined) return known;
  let key = '';
  for (const [index, selection] of selections) key = withFieldKey(key, index, selection);
  return key;
}

// The keys of maps shared by content (see `sharedSelections`), made when they were.
const mapKeys = new WeakMap<Selections, string>();

/** Notes the key of a selections map that was keyed as it was made. */
export function rememberKey(selections: Selections, key: string): void {
  mapKeys.set(selections, key);
}

/** `key` (of the fields before) followed by one field's selection, as `selectionKey` writes them. */
export function withFieldKey(key: string, index: number, selection: FieldSelection): string {
  return `${key}${key === '' ? '' : ';'}${index}${selection.locked ? 'L' : ''}${setKey(selection.values)}`;
}

// Fields up to this many values are keyed on any selection (a native scan of their mask, at most
// 2,048 symbols written); in bigger ones only sets keyed already (a shared set of one value,
// once the result cache keyed it): an engine without the cache pays no long keys per click.
const CHEAP_TO_KEY = 4096;

/** Whether a set's key is known, or cheap to make. */
export function cheapToKey(values: SymbolSet): boolean {
  return values.cardinality <= CHEAP_TO_KEY || setKeys.has(values);
}

/** The symbols of a set as text, made once per set. */
function setKey(values: SymbolSet): string {
  let key = setKeys.get(values);
  if (key === undefined) {
    const { mask, cardinality } = values;
    // Large selections are written as the symbols they leave out: the shorter list.
    let symbols = positions(mask, 1, cardinality, cardinality / 2);
    const inverted = symbols === undefined;
    symbols ??= positions(mask, 0, cardinality, cardinality)!;
    key = `${inverted ? '~' : ':'}${symbols.join(',')}`;
    setKeys.set(values, key);
  }
  return key;
}

/** Where `mask` holds `byte` below `end`, or undefined when there are more than `most`. */
function positions(
  mask: Uint8Array,
  byte: number,
  end: number,
  most: number,
): number[] | undefined {
  const out: number[] = [];
  // indexOf scans natively: a selection of a few values in a big field costs little.
  for (let at = mask.indexOf(byte); at >= 0 && at < end; at = mask.indexOf(byte, at + 1)) {
    if (out.length + 1 > most) return undefined;
    out.push(at);
  }
  return out;
}
