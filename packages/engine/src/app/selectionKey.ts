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
      const { mask, cardinality } = selection.values;
      // One pass lists the members; large selections are written as the symbols they leave out.
      const members: number[] = [];
      for (let symbol = 0; symbol < cardinality; symbol++)
        if (mask[symbol] === 1) members.push(symbol);
      const inverted = members.length > cardinality / 2;
      const symbols = inverted ? missing(mask, cardinality) : members;
      parts.push(
        `${index}${selection.locked ? 'L' : ''}${inverted ? '~' : ':'}${symbols.join(',')}`,
      );
    }
    key = parts.join(';');
    keys.set(selections, key);
  }
  return key;
}

function missing(mask: Uint8Array, cardinality: number): number[] {
  const out: number[] = [];
  for (let symbol = 0; symbol < cardinality; symbol++) if (mask[symbol] !== 1) out.push(symbol);
  return out;
}
