import type { SelectionState } from './SelectionState.js';
import type { StateCounts } from './StateCounts.js';

/** Qlik's default `qSelectionThreshold`: above this many values the summary reads "N of M". */
export const DEFAULT_SELECTION_THRESHOLD = 6;

/** One field of the current-selections summary (what `qSelectionObject` lists). */
export interface CurrentSelectionItem {
  readonly field: string;
  readonly selectedCount: number;
  /** Number of values in the field. */
  readonly total: number;
  /** The selected texts joined by ", ", or "N of M" above the threshold. */
  readonly selectedText: string;
  /** Texts of the selected values, at most `threshold` of them, in load order. */
  readonly selectedValues: readonly string[];
  readonly locked: boolean;
  /** Whether the field must always hold exactly one selected value. */
  readonly oneAndOnlyOne: boolean;
  /** Whether the field is numeric (tagged `$numeric`). */
  readonly isNumeric: boolean;
  readonly stateCounts: StateCounts;
  readonly threshold: number;
}

/** The current-selections summary of a state. */
export interface CurrentSelections {
  readonly state: string;
  readonly backCount: number;
  readonly forwardCount: number;
  /** Fields with a selection, in the order they were first selected. */
  readonly items: readonly CurrentSelectionItem[];
}

/** Summarises the selections of `state` the way Qlik's current-selections bar shows them. */
export function currentSelections(
  state: SelectionState,
  threshold = DEFAULT_SELECTION_THRESHOLD,
): CurrentSelections {
  const result = state.result();
  const items = [...state.selections].map(([fieldIndex, selection]): CurrentSelectionItem => {
    const field = state.model.fields[fieldIndex];
    const indexes = selection.values.indexes();
    const total = field.cardinality;
    const shown = indexes.slice(0, threshold).map((i) => field.symbols.text(i));
    const selectedText =
      indexes.length > threshold ? `${indexes.length} of ${total}` : shown.join(', ');
    return {
      field: field.name,
      selectedCount: indexes.length,
      total,
      selectedText,
      selectedValues: shown,
      locked: selection.locked,
      oneAndOnlyOne: state.isOneAndOnlyOne(field),
      isNumeric: field.hasTag('$numeric'),
      stateCounts: result.stateCounts(field),
      threshold,
    };
  });
  return { state: state.name, backCount: state.backCount, forwardCount: state.forwardCount, items };
}
