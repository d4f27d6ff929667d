import { currentSelections } from '../selection/currentSelections.js';
import type { SelectionState } from '../selection/SelectionState.js';

/** The QIX `qSelectionObject` of a state, shaped from the selection layer's current-selections summary. */
export function selectionObject(state: SelectionState): Record<string, unknown> {
  const summary = currentSelections(state);
  return {
    qBackCount: summary.backCount,
    qForwardCount: summary.forwardCount,
    qStateName: summary.state,
    qSelections: summary.items.map((item) => ({
      qField: item.field,
      qReadableName: item.field,
      qSelected: item.selectedText,
      qSelectedCount: item.selectedCount,
      qTotal: item.total,
      qLocked: item.locked,
      qIsNum: item.isNumeric,
      qSelectionThreshold: item.threshold,
      qSelectedFieldSelectionInfo: item.selectedValues.map((text) => ({
        qName: text,
        qFieldSelectionMode: 'SELECTION_MODE_NORMAL',
      })),
      qNotSelectedFieldSelectionInfo: [],
      qRangeInfo: [],
      qSortIndex: 0,
      qStateCounts: item.stateCounts,
      qTextSearch: '',
      qOneAndOnlyOne: item.oneAndOnlyOne,
      qIsHidden: false,
      qDimensionReferences: [],
    })),
  };
}
