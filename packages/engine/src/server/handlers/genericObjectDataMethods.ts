import { objectId } from '../../app/storedObjects.js';
import type { SelectionState } from '../../selection/SelectionState.js';
import { readPointer } from '../../app/jsonPointer.js';
import {
  arrayArg,
  booleanArg,
  numberArg,
  objectArg,
  optionalStringArg,
  stringArg,
} from '../dispatch/argReaders.js';
import type { CallContext, ClassMethods, MethodResult } from '../dispatch/MethodTable.js';
import { LocError } from '../../errors/LocError.js';
import { objectOf } from './genericObjectMethods.js';
import { applySelection } from './selectionEffects.js';
import type { ChartCompute } from '../../app/ChartCompute.js';
import {
  selectCells,
  selectContinuousRanges,
  selectDimensionValues,
  selectListRanges,
  selectMeasureRanges,
  selectMultiRanges,
  type MeasureRange,
  type MultiRange,
  type NumericRange,
} from '../../app/chartSelections.js';
import type { ContinuousOptions } from '../../app/continuousData.js';

type Json = Record<string, unknown>;

/** The definition at `qPath` of the object's effective properties (`/qHyperCubeDef`, `/qListObjectDef`, ...). */
function definitionAt(
  context: CallContext,
  path: string,
  kind: 'qHyperCubeDef' | 'qListObjectDef',
): { def: Json; stateName: string; chart: ChartCompute } {
  const { object, doc } = objectOf(context);
  const properties = doc.effectiveProperties(object);
  const def = readPointer(properties, path);
  if (typeof def !== 'object' || def === null || !path.endsWith(kind)) {
    throw new LocError('LOCERR_GENERIC_INVALID_PATH', `No ${kind} at ${path}`, { parameter: path });
  }
  const stateName = String((def as Json).qStateName ?? properties.qStateName ?? '$') || '$';
  // The object in modal selection computes over the selections it began with.
  return { def: def as Json, stateName, chart: doc.data.chartOf(objectId(object)) };
}

/**
 * The fields and the selection state behind the columns (`qColIndices`) of
 * the hypercube or list object at `qPath` (all its dimensions when no column
 * is given), for the methods that clear or lock through an object.
 */
function fieldsAtPath(
  context: CallContext,
  args: object,
): { fields: string[]; state: SelectionState } {
  const { object, doc } = objectOf(context);
  const path = stringArg(args, 'qPath');
  const columns = arrayArg<number>(args, 'qColIndices', []);
  const kind = path.endsWith('qListObjectDef') ? 'qListObjectDef' : 'qHyperCubeDef';
  const { stateName } = definitionAt(context, path, kind);
  return {
    fields: doc.data.chart.fieldsAt(doc.effectiveProperties(object), path, columns),
    state: doc.data.state(stateName),
  };
}

/** Runs a selection made from this object: allowed only when no other object is in modal selection. */
function selectFrom(context: CallContext, change: () => boolean): { qSuccess: boolean } {
  const { object, doc } = objectOf(context);
  doc.data.assertCanSelect(objectId(object));
  const changed = applySelection(doc, change);
  // The object in modal selection shows qSelectionInfo.qMadeSelections once it changed something.
  if (changed && doc.data.inModal(objectId(object))) doc.data.markModalSelections();
  return { qSuccess: changed };
}

/** Pivot and stacked pages: ChartCompute builds them as JSON in the spec's NxPivotPage/NxStackPage shapes. */
type PivotPages = MethodResult<'GenericObject', 'GetHyperCubePivotData'>['qDataPages'];
type StackPages = MethodResult<'GenericObject', 'GetHyperCubeStackData'>['qDataPages'];

function pagesArg(args: object): Json[] {
  return arrayArg<Json>(args, 'qPages');
}

/** Methods of GenericObject that read or select through its hypercubes and list objects. */
export const genericObjectDataMethods: ClassMethods<'GenericObject'> = {
  GetHyperCubeData(context, args) {
    const { def, stateName, chart } = definitionAt(
      context,
      stringArg(args, 'qPath'),
      'qHyperCubeDef',
    );
    return { qDataPages: chart.hyperCubeData(def, stateName, pagesArg(args)) };
  },
  GetHyperCubeReducedData(context, args) {
    const { def, stateName, chart } = definitionAt(
      context,
      stringArg(args, 'qPath'),
      'qHyperCubeDef',
    );
    return {
      qDataPages: chart.reducedData(
        def,
        stateName,
        pagesArg(args),
        numberArg(args, 'qZoomFactor', -1),
        optionalStringArg(args, 'qReductionMode', 'N'),
      ),
    };
  },
  GetHyperCubePivotData(context, args) {
    const { def, stateName, chart } = definitionAt(
      context,
      stringArg(args, 'qPath'),
      'qHyperCubeDef',
    );
    return { qDataPages: chart.pivotData(def, stateName, pagesArg(args)) as PivotPages };
  },
  GetHyperCubeStackData(context, args) {
    const { def, stateName, chart } = definitionAt(
      context,
      stringArg(args, 'qPath'),
      'qHyperCubeDef',
    );
    return {
      qDataPages: chart.stackData(
        def,
        stateName,
        pagesArg(args),
        numberArg(args, 'qMaxNbrCells', 10_000),
      ) as StackPages,
    };
  },
  GetHyperCubeContinuousData(context, args) {
    const { def, stateName, chart } = definitionAt(
      context,
      stringArg(args, 'qPath'),
      'qHyperCubeDef',
    );
    const options = objectArg<ContinuousOptions>(args, 'qOptions');
    return chart.continuousData(def, stateName, options, booleanArg(args, 'qReverseSort'));
  },
  SelectHyperCubeValues(context, args) {
    const { def, stateName, chart } = definitionAt(
      context,
      stringArg(args, 'qPath'),
      'qHyperCubeDef',
    );
    const dimNo = numberArg(args, 'qDimNo');
    const values = arrayArg<number>(args, 'qValues');
    const toggle = booleanArg(args, 'qToggleMode');
    return selectFrom(context, () =>
      selectDimensionValues(chart.selectionTarget(def, stateName), dimNo, values, toggle),
    );
  },
  RangeSelectHyperCubeValues(context, args) {
    const { def, stateName, chart } = definitionAt(
      context,
      stringArg(args, 'qPath'),
      'qHyperCubeDef',
    );
    return selectFrom(context, () =>
      selectMeasureRanges(
        chart.selectionTarget(def, stateName),
        arrayArg<MeasureRange>(args, 'qRanges'),
        arrayArg<number>(args, 'qColumnsToSelect', []),
        rangeOptions(args),
      ),
    );
  },
  MultiRangeSelectHyperCubeValues(context, args) {
    const { def, stateName, chart } = definitionAt(
      context,
      stringArg(args, 'qPath'),
      'qHyperCubeDef',
    );
    return selectFrom(context, () =>
      selectMultiRanges(
        chart.selectionTarget(def, stateName),
        arrayArg<MultiRange>(args, 'qRanges'),
        rangeOptions(args),
      ),
    );
  },
  SelectHyperCubeContinuousRange(context, args) {
    const { def, stateName, chart } = definitionAt(
      context,
      stringArg(args, 'qPath'),
      'qHyperCubeDef',
    );
    return selectFrom(context, () =>
      selectContinuousRanges(
        chart.selectionTarget(def, stateName),
        arrayArg<{ qRange?: NumericRange; qDimIx?: number }>(args, 'qRanges'),
        booleanArg(args, 'qSoftLock'),
      ),
    );
  },
  SelectHyperCubeCells(context, args) {
    const { def, stateName, chart } = definitionAt(
      context,
      stringArg(args, 'qPath'),
      'qHyperCubeDef',
    );
    const rows = arrayArg<number>(args, 'qRowIndices');
    const columns = arrayArg<number>(args, 'qColIndices');
    return selectFrom(context, () =>
      selectCells(chart.selectionTarget(def, stateName), rows, columns),
    );
  },
  SelectPivotCells(context, args) {
    const { def, stateName, chart } = definitionAt(
      context,
      stringArg(args, 'qPath'),
      'qHyperCubeDef',
    );
    const selections = arrayArg<{ qType?: string; qCol: number; qRow: number }>(
      args,
      'qSelections',
    );
    return selectFrom(context, () => chart.selectPivotCells(def, stateName, selections));
  },

  GetListObjectData(context, args) {
    const { doc, object } = objectOf(context);
    const path = stringArg(args, 'qPath');
    const { def, stateName, chart } = definitionAt(context, path, 'qListObjectDef');
    return {
      qDataPages: chart.listObjectData(
        def,
        stateName,
        pagesArg(args),
        doc.data.listSearch(objectId(object), path),
      ),
    };
  },
  SelectListObjectValues(context, args) {
    const { doc } = objectOf(context);
    const { def, stateName, chart } = definitionAt(
      context,
      stringArg(args, 'qPath'),
      'qListObjectDef',
    );
    const field = chart.listField(def);
    const values = arrayArg<number>(args, 'qValues').filter((value) => value >= 0);
    const toggle = booleanArg(args, 'qToggleMode');
    return selectFrom(context, () =>
      doc.data.state(stateName).select(field, values, toggle ? 'toggle' : 'replace'),
    );
  },
  SelectListObjectPossible: (context, args) =>
    listSelect(context, args, (state, field) => state.selectPossible(field)),
  SelectListObjectExcluded: (context, args) =>
    listSelect(context, args, (state, field) => state.selectExcluded(field)),
  SelectListObjectAll: (context, args) =>
    listSelect(context, args, (state, field) => state.selectAll(field)),
  SelectListObjectAlternative: (context, args) =>
    listSelect(context, args, (state, field) => state.selectAlternative(field)),
  SelectListObjectContinuousRange: (context, args) =>
    listSelect(context, args, (state, field) =>
      selectListRanges(
        state,
        field,
        arrayArg<NumericRange>(args, 'qRanges'),
        booleanArg(args, 'qSoftLock'),
      ),
    ),
  SearchListObjectFor(context, args) {
    const { object, doc } = objectOf(context);
    const path = stringArg(args, 'qPath');
    definitionAt(context, path, 'qListObjectDef');
    doc.data.setListSearch(objectId(object), path, stringArg(args, 'qMatch'));
    doc.invalidateObject(objectId(object));
    return { qSuccess: true };
  },
  AcceptListObjectSearch(context, args) {
    const { object, doc } = objectOf(context);
    const path = stringArg(args, 'qPath');
    const { def, stateName, chart } = definitionAt(context, path, 'qListObjectDef');
    const search = doc.data.takeListSearch(objectId(object), path);
    if (search === undefined) return {};
    // The list shows all its values again, whether or not the selection changes.
    doc.invalidateObject(objectId(object));
    const field = chart.listField(def);
    const toggle = booleanArg(args, 'qToggleMode');
    // qMatch is a Qlik search string as Field.Select takes it: `P*U*` a pattern, `P U S` word starts, `=expr` an expression.
    const evaluate = chart.searchMatcher(field, search, stateName);
    selectFrom(context, () =>
      doc.data
        .state(stateName)
        .search(field, search, { mode: toggle ? 'add' : 'replace', evaluate }),
    );
    return {};
  },
  AbortListObjectSearch(context, args) {
    const { object, doc } = objectOf(context);
    doc.data.takeListSearch(objectId(object), stringArg(args, 'qPath'));
    doc.invalidateObject(objectId(object));
    return {};
  },
  ClearSelections(context, args) {
    const { fields, state } = fieldsAtPath(context, args);
    selectFrom(context, () =>
      state.batch(() => fields.forEach((field) => state.clearField(field))),
    );
    return {};
  },
  Lock(context, args) {
    const { doc } = objectOf(context);
    const { fields, state } = fieldsAtPath(context, args);
    applySelection(doc, () => fields.map((field) => state.lock(field)).some(Boolean));
    return {};
  },
  Unlock(context, args) {
    const { doc } = objectOf(context);
    const { fields, state } = fieldsAtPath(context, args);
    applySelection(doc, () => fields.map((field) => state.unlock(field)).some(Boolean));
    return {};
  },
  BeginSelections(context) {
    const { object, doc } = objectOf(context);
    doc.data.beginModal(objectId(object));
    doc.invalidateObject(objectId(object));
    return {};
  },
  EndSelections(context, args) {
    const { object, doc } = objectOf(context);
    if (!doc.data.inModal(objectId(object))) return {};
    doc.endModal(booleanArg(args, 'qAccept'));
    doc.invalidateObject(objectId(object));
    return {};
  },
  ResetMadeSelections(context) {
    const { object, doc } = objectOf(context);
    if (!doc.data.inModal(objectId(object))) return {};
    doc.data.resetModal();
    doc.invalidateData();
    return {};
  },
};

function listSelect(
  context: CallContext,
  args: Json,
  change: (state: SelectionState, field: string) => boolean,
): { qSuccess: boolean } {
  const { doc } = objectOf(context);
  const { def, stateName, chart } = definitionAt(
    context,
    stringArg(args, 'qPath'),
    'qListObjectDef',
  );
  const field = chart.listField(def);
  return selectFrom(context, () => change(doc.data.state(stateName), field));
}

function rangeOptions(args: object): { orMode: boolean; deselectOnlyOneSelected: boolean } {
  return {
    orMode: booleanArg(args, 'qOrMode'),
    deselectOnlyOneSelected: booleanArg(args, 'qDeselectOnlyOneSelected'),
  };
}
