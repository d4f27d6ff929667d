import type { DocSession } from '../../app/DocSession.js';
import type { SelectionState, SelectMode } from '../../selection/SelectionState.js';
import { arrayArg, booleanArg, objectArg, stringArg } from '../dispatch/argReaders.js';
import type { CallContext, ClassMethods } from '../dispatch/MethodTable.js';
import { LocError } from '../../errors/LocError.js';
import { applySelection } from './selectionEffects.js';
import { requireDoc } from './sessionDoc.js';
import { shareJson } from '../../app/layout/sharedJson.js';

/** What a Field handle points at: a field name in a selection state. */
export interface FieldTarget {
  readonly name: string;
  readonly stateName: string;
  nxProperties: Record<string, unknown>;
}

function fieldOf(context: CallContext): {
  doc: DocSession;
  target: FieldTarget;
  state: SelectionState;
} {
  const doc = requireDoc(context.session);
  const target = context.entry.target as FieldTarget;
  const state = doc.data.state(target.stateName);
  if (!state.model.findField(target.name))
    throw new LocError('LOCERR_GENERIC_NOT_FOUND', `Field not found: ${target.name}`, {
      parameter: target.name,
    });
  return { doc, target, state };
}

// A selection's answer, the same values for every call: their JSON is written once (see `shareJson`).
const RETURNS_TRUE = shareJson(Object.freeze({ qReturn: true }));
const RETURNS_FALSE = shareJson(Object.freeze({ qReturn: false }));

/** Runs a selection on the handle's field, respecting modal selections. */
function select(
  context: CallContext,
  change: (state: SelectionState, field: string) => boolean,
): { qReturn: boolean } {
  const { doc, target, state } = fieldOf(context);
  doc.data.assertCanSelect(null);
  return applySelection(doc, () => change(state, target.name)) ? RETURNS_TRUE : RETURNS_FALSE;
}

/** Selects what a search string finds; an `=expr` search is evaluated per value over the field's state. */
function searchSelect(
  context: CallContext,
  args: Record<string, unknown>,
  mode: SelectMode,
): { qReturn: boolean } {
  const match = stringArg(args, 'qMatch');
  const { doc, target } = fieldOf(context);
  return select(context, (state, field) =>
    state.search(field, match, {
      mode,
      evaluate: doc.data.chart.searchMatcher(field, match, target.stateName),
    }),
  );
}

/** FieldValue items (qText/qIsNumeric/qNumber) as the selection layer's values. */
function fieldValues(values: readonly Record<string, unknown>[]): (string | number)[] {
  return values.map((value) =>
    value.qIsNumeric === true && typeof value.qNumber === 'number'
      ? value.qNumber
      : String(value.qText ?? ''),
  );
}

/** Methods of the Field class. */
export const fieldMethods: ClassMethods<'Field'> = {
  Select: (context, args) => searchSelect(context, args, 'replace'),
  ToggleSelect: (context, args) => searchSelect(context, args, 'toggle'),
  SelectValues: (context, args) =>
    select(context, (state, field) =>
      state.selectValues(
        field,
        fieldValues(arrayArg<Record<string, unknown>>(args, 'qFieldValues')),
        booleanArg(args, 'qToggleMode') ? 'toggle' : 'replace',
      ),
    ),
  LowLevelSelect: (context, args) =>
    select(context, (state, field) =>
      state.select(
        field,
        arrayArg<number>(args, 'qValues'),
        booleanArg(args, 'qToggleMode') ? 'toggle' : 'replace',
      ),
    ),
  Clear: (context) => select(context, (state, field) => state.clearField(field)),
  // One change (one step of Back), locked fields keep their selections.
  ClearAllButThis: (context) => select(context, (state, field) => state.clearOthers(field)),
  SelectAll: (context) => select(context, (state, field) => state.selectAll(field)),
  SelectPossible: (context) => select(context, (state, field) => state.selectPossible(field)),
  SelectExcluded: (context) => select(context, (state, field) => state.selectExcluded(field)),
  SelectAlternative: (context) => select(context, (state, field) => state.selectAlternative(field)),
  Lock: (context) => select(context, (state, field) => state.lock(field)),
  Unlock: (context) => select(context, (state, field) => state.unlock(field)),
  GetCardinal(context) {
    const { state, target } = fieldOf(context);
    return { qReturn: state.model.field(target.name).cardinality };
  },
  // Fields select in OR mode only: AND mode (every selected value must associate) is not implemented.
  GetAndMode: () => ({ qReturn: false }),
  SetAndMode(_context, args) {
    if (booleanArg(args, 'qAndMode'))
      throw new LocError(
        'LOCERR_GENERIC_NOT_IMPLEMENTED',
        'Field.SetAndMode: AND mode selections are not implemented by this engine',
        { parameter: 'qAndMode' },
      );
    return {};
  },
  GetNxProperties: (context) => ({
    qProperties: structuredClone(fieldOf(context).target.nxProperties),
  }),
  SetNxProperties(context, args) {
    const { doc, target, state } = fieldOf(context);
    const properties = structuredClone(objectArg(args, 'qProperties'));
    target.nxProperties = properties;
    // qOneAndOnlyOne is a rule of the selection state: the field always holds exactly one value.
    applySelection(doc, () =>
      state.setOneAndOnlyOne(target.name, properties.qOneAndOnlyOne === true),
    );
    return {};
  },
};
