import type { DocSession } from '../../app/DocSession.js';
import type { SelectionState } from '../../selection/SelectionState.js';
import { arrayArg, booleanArg, objectArg, stringArg } from '../dispatch/argReaders.js';
import type { CallContext, ClassMethods } from '../dispatch/MethodTable.js';
import { EngineError, LocErr } from '../protocol/EngineError.js';
import { applySelection } from './selectionEffects.js';
import { requireDoc } from './sessionDoc.js';

/** What a Field handle points at: a field name in a selection state. */
export interface FieldTarget {
  readonly name: string;
  readonly stateName: string;
  nxProperties: Record<string, unknown>;
}

function fieldOf(context: CallContext): { doc: DocSession; target: FieldTarget; state: SelectionState } {
  const doc = requireDoc(context.session);
  const target = context.entry.target as FieldTarget;
  const state = doc.data.state(target.stateName);
  if (!state.model.findField(target.name)) throw new EngineError(LocErr.GENERIC_NOT_FOUND, `Field not found: ${target.name}`, target.name);
  return { doc, target, state };
}

/** Runs a selection on the handle's field, respecting modal selections. */
function select(context: CallContext, change: (state: SelectionState, field: string) => boolean): { qReturn: boolean } {
  const { doc, target, state } = fieldOf(context);
  doc.data.assertCanSelect(null);
  return { qReturn: applySelection(doc, () => change(state, target.name)) };
}

/** FieldValue items (qText/qIsNumeric/qNumber) as the selection layer's values. */
function fieldValues(values: readonly Record<string, unknown>[]): (string | number)[] {
  return values.map((value) => (value.qIsNumeric === true && typeof value.qNumber === 'number' ? value.qNumber : String(value.qText ?? '')));
}

/** Methods of the Field class. */
export const fieldMethods: ClassMethods = {
  Select: (context, args) =>
    select(context, (state, field) => state.search(field, stringArg(args, 'qMatch'), { evaluate: undefined })),
  ToggleSelect: (context, args) =>
    select(context, (state, field) => state.search(field, stringArg(args, 'qMatch'), { mode: 'toggle' })),
  SelectValues: (context, args) =>
    select(context, (state, field) =>
      state.selectValues(field, fieldValues(arrayArg<Record<string, unknown>>(args, 'qFieldValues')), booleanArg(args, 'qToggleMode') ? 'toggle' : 'replace'),
    ),
  LowLevelSelect: (context, args) =>
    select(context, (state, field) =>
      state.select(field, arrayArg<number>(args, 'qValues'), booleanArg(args, 'qToggleMode') ? 'toggle' : 'replace'),
    ),
  Clear: (context) => select(context, (state, field) => state.clearField(field)),
  ClearAllButThis: (context) =>
    select(context, (state, field) => {
      let changed = false;
      for (const other of state.model.fields) if (other.name !== field) changed = state.clearField(other) || changed;
      return changed;
    }),
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
  GetAndMode: () => ({ qReturn: false }),
  SetAndMode: () => ({}),
  GetNxProperties: (context) => ({ qProperties: structuredClone(fieldOf(context).target.nxProperties) }),
  SetNxProperties(context, args) {
    fieldOf(context).target.nxProperties = structuredClone(objectArg(args, 'qProperties'));
    return {};
  },
};
