import type { Selections } from '../selection/FieldSelection.js';

// A state's selections map is replaced on every change, never changed in place: one key per map.
const keys = new WeakMap<Selections, string>();

/**
 * A text that is the same for two selection maps exactly when they select
 * the same symbols of the same fields, in the same order, with the same
 * locks: what a chart computed over one of them may be reused for the other.
 */
export function selectionKey(selections: Selections): string {
  let key = keys.get(selections);
  if (key === undefined) {
    const parts: string[] = [];
    for (const [index, selection] of selections) {
      const { values } = selection;
      // Large selections are written as the symbols they leave out, when that is shorter.
      const inverted = values.size > values.cardinality / 2;
      const symbols = (inverted ? values.complement() : values).indexes();
      parts.push(
        `${index}${selection.locked ? 'L' : ''}${inverted ? '~' : ':'}${symbols.join(',')}`,
      );
    }
    key = parts.join(';');
    keys.set(selections, key);
  }
  return key;
}
