import { StateCode } from './ValueState.js';

/** Number of a field's values in each state, named as in QIX `NxStateCounts`. */
export interface StateCounts {
  readonly qLocked: number;
  readonly qSelected: number;
  readonly qOption: number;
  readonly qDeselected: number;
  readonly qAlternative: number;
  readonly qExcluded: number;
  readonly qSelectedExcluded: number;
  readonly qLockedExcluded: number;
}

/** Counts the states in a field's state array. */
export function countStates(states: Uint8Array): StateCounts {
  const counts = new Int32Array(8);
  for (let i = 0; i < states.length; i++) counts[states[i]]++;
  return {
    qLocked: counts[StateCode.L],
    qSelected: counts[StateCode.S],
    qOption: counts[StateCode.O],
    qDeselected: counts[StateCode.D],
    qAlternative: counts[StateCode.A],
    qExcluded: counts[StateCode.X],
    qSelectedExcluded: counts[StateCode.XS],
    qLockedExcluded: counts[StateCode.XL],
  };
}
