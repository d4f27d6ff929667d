import type { Selections } from '../selection/FieldSelection.js';
import type { SymbolSet } from '../selection/SymbolSet.js';

// Symbol sets never change once built, and selections of one value share theirs: one text per set.
const setKeys = new WeakMap<SymbolSet, string>();

/**
 * A text that is the same for two selection maps exactly when they select
 * the same symbols of the same fields, in the same order, with the same
 * locks: what a chart computed over one of them may be reused for the other.
 */
export function selectionKey(selections: Selections): string {
  let key = '';
  for (const [index, selection] of selections)
    key += `${key === '' ? '' : ';'}${index}${selection.locked ? 'L' : ''}${setKey(selection.values)}`;
  return key;
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
