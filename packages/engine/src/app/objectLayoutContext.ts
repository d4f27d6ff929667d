import { DEFAULT_STATE } from '../selection/SelectionStates.js';
import { objectId } from './storedObjects.js';
import type { StoredObject } from './AppDocument.js';
import type { DocData } from './DocData.js';
import type { DocSession } from './DocSession.js';
import { dualParts } from './dualParts.js';
import { fieldList } from './fieldDescriptions.js';
import type { LayoutContext } from './layout/LayoutContext.js';
import { shareJson } from './layout/sharedJson.js';
import { selectionObject } from './selectionObject.js';

/** The LayoutContext of a stored object over a session's selections. */
export function objectLayoutContext(
  data: DocData,
  doc: DocSession,
  object: StoredObject,
): LayoutContext {
  const id = objectId(object);
  const stateOf = (def: Record<string, unknown>) =>
    String(def.qStateName ?? object.properties.qStateName ?? DEFAULT_STATE) || DEFAULT_STATE;
  // Read when asked: properties are replaced whole when they change.
  const valueOf = (expression: string) =>
    dualParts(
      data.chart.evaluate(
        expression,
        String(object.properties.qStateName ?? DEFAULT_STATE) || DEFAULT_STATE,
      ),
    );
  return {
    // Computed layouts are never changed once made: answers share their JSON and patches.
    hyperCube: (def) => shareJson(data.chartOf(id).hyperCube(def, stateOf(def))),
    listObject: (def, path) =>
      shareJson(data.chartOf(id).listObject(def, stateOf(def), data.listSearch(id, path))),
    stringExpression: (expression) => valueOf(expression).qText,
    valueExpression: (expression) => valueOf(expression).qNum,
    selectionObject: (stateName) => selectionObject(data.state(stateName)),
    fieldList: (def) => (doc.tables.length > 0 ? fieldList(doc.dataModel, def) : { qItems: [] }),
    objectsOf: (type) =>
      doc
        .objectsOfType(type)
        .filter((each) => !doc.isSessionObject(each) || type === 'GenericObject')
        // A dimension list's qData may read its layout's qDimInfos (the DimensionList convention does).
        .map((each) =>
          type === 'GenericDimension'
            ? {
                ...each,
                properties: {
                  ...each.properties,
                  qDimInfos: data.dimensionInfos(each.properties),
                },
              }
            : each,
        ),
    variables: (showReserved, showConfig) => doc.variableItems(showReserved, showConfig),
    children: () => doc.childrenOf(id),
    inSelections: () => data.inModal(id),
    madeSelections: () => data.madeSelections(id),
  };
}
