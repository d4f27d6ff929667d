import type { DataModel } from '../model/DataModel.js';
import type { SelectionSnapshot } from '../selection/SelectionSnapshot.js';
import { DEFAULT_STATE } from '../selection/SelectionStates.js';
import type { StoredObject } from './AppDocument.js';

/** What a bookmark stores: the selections of each state. */
export interface BookmarkState {
  readonly states: Readonly<Record<string, SelectionSnapshot>>;
}

/** The `qBookmark` of a bookmark's layout: per state the fields it selects, with their values as FieldValues. */
export function bookmarkLayout(
  bookmark: StoredObject,
  model: DataModel | null,
): Record<string, unknown> {
  const stored = bookmark.bookmarkState as BookmarkState | undefined;
  const qStateData = Object.entries(stored?.states ?? {}).map(([name, snapshot]) => ({
    qStateName: name,
    qFieldItems: snapshot.fields.map((field) => ({
      qDef: { qName: field.field, qType: 'PRESENT' },
      qLocked: field.locked,
      qSelectInfo: {
        qTextSearch: '',
        qRangeLo: 'NaN',
        qRangeHi: 'NaN',
        qNumberFormat: {},
        qRangeInfo: [],
        qSoftLock: false,
        qContinuousRangeInfo: [],
        qSelectFieldSearch: false,
      },
      qValues: field.texts.map((text) => fieldValue(model, field.field, text)),
      qExcludedValues: [],
      qAndMode: false,
      qOneAndOnlyOne: false,
      qValuesCount: field.texts.length,
      qExcludedValuesCount: 0,
    })),
  }));
  return {
    qStateData,
    qUtcModifyTime: Date.parse(bookmark.modifiedDate) / 86_400_000 + 25_569,
    qVariableItems: [],
    qPatches: [],
    qGroupStates: [],
    qCyclicGroupStates: [],
  };
}

/** qFieldInfos of a bookmark's layout: each field the bookmark selects in the default state, with its count of values. */
export function bookmarkFieldInfos(bookmark: StoredObject): Record<string, unknown>[] {
  const stored = bookmark.bookmarkState as BookmarkState | undefined;
  const snapshot = stored?.states[DEFAULT_STATE];
  return (snapshot?.fields ?? []).map((field) => ({
    qFieldName: field.field,
    qValuesCount: field.texts.length,
    qExcludedValuesCount: 0,
  }));
}

/** A FieldValue for a value's text: numeric when the field's value with that text has a number. */
function fieldValue(
  model: DataModel | null,
  fieldName: string,
  text: string,
): { qText: string; qIsNumeric: boolean; qNumber: number } {
  const field = model?.findField(fieldName);
  const symbols = field?.symbols;
  if (symbols) {
    for (let symbol = 0; symbol < field.cardinality; symbol++) {
      if (symbols.text(symbol) !== text) continue;
      const num = symbols.num(symbol);
      return Number.isFinite(num)
        ? { qText: text, qIsNumeric: true, qNumber: num }
        : { qText: text, qIsNumeric: false, qNumber: 0 };
    }
  }
  return { qText: text, qIsNumeric: false, qNumber: 0 };
}
