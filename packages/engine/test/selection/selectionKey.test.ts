import { describe, expect, it } from 'vitest';
import { selectionKey } from '../../src/selection/selectionKey.js';
import type { Selections } from '../../src/selection/FieldSelection.js';
import { SymbolSet } from '../../src/selection/SymbolSet.js';

const selections = (entries: [number, number, number[], boolean?][]): Selections =>
  new Map(
    entries.map(([field, cardinality, symbols, locked]) => [
      field,
      { values: SymbolSet.of(cardinality, symbols), locked: locked === true },
    ]),
  );

describe('selectionKey', () => {
  it('is the same for maps selecting the same symbols, and differs otherwise', () => {
    const key = selectionKey(selections([[0, 3375, [7, 3000]]]));
    expect(selectionKey(selections([[0, 3375, [3000, 7]]]))).toBe(key);
    expect(selectionKey(selections([[0, 3375, [7]]]))).not.toBe(key);
    expect(selectionKey(selections([[0, 3375, [7, 3000], true]]))).not.toBe(key);
    expect(selectionKey(selections([[1, 3375, [7, 3000]]]))).not.toBe(key);
  });

  it('writes a selection of more than half the field as the symbols it leaves out', () => {
    const all = Array.from({ length: 10 }, (_, i) => i);
    expect(selectionKey(selections([[0, 10, all.filter((i) => i !== 4)]]))).toBe('0~4');
    expect(selectionKey(selections([[0, 10, [1, 2, 3, 4, 5]]]))).toBe('0:1,2,3,4,5');
    expect(selectionKey(selections([[0, 10, [1, 2, 3, 4, 5, 6]]]))).toBe('0~0,7,8,9');
    expect(selectionKey(selections([[0, 10, all]]))).toBe('0~');
    // A full field and an empty one are different selections.
    expect(selectionKey(selections([[0, 10, []]]))).toBe('0:');
  });
});
