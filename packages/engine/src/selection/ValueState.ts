/**
 * Qlik's states of a field value: selected, optional (possible), excluded,
 * alternative (excluded only by its own field's selection), locked,
 * selected-excluded, locked-excluded, deselected.
 */
export type ValueState = 'S' | 'O' | 'X' | 'A' | 'L' | 'XS' | 'XL' | 'D';

/** Byte codes of the states, as stored in a field's state array. */
export const StateCode = {
  O: 0,
  S: 1,
  X: 2,
  A: 3,
  L: 4,
  XS: 5,
  XL: 6,
  D: 7,
} as const satisfies Record<ValueState, number>;

const byCode: readonly ValueState[] = ['O', 'S', 'X', 'A', 'L', 'XS', 'XL', 'D'];

/** The state a byte code stands for. */
export function stateOfCode(code: number): ValueState {
  return byCode[code];
}
