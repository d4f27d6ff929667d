import type { AppStore } from '../../app/AppStore.js';
import type { EngineHandlers } from '../dispatch/MethodTable.js';
import { docAppMethods } from './docAppMethods.js';
import { docConnectionMethods } from './docConnectionMethods.js';
import { docObjectMethods } from './docObjectMethods.js';
import { docSelectionMethods } from './docSelectionMethods.js';
import { docVariableMethods } from './docVariableMethods.js';
import { fieldMethods } from './fieldMethods.js';
import { genericObjectDataMethods } from './genericObjectDataMethods.js';
import { genericObjectTreeMethods, propertyMethods } from './genericObjectMethods.js';
import { globalMethods } from './globalMethods.js';
import { variableMethods } from './variableMethods.js';
import {
  genericBookmarkMethods,
  genericDimensionMethods,
  genericMeasureMethods,
  genericVariableMethods,
} from './masterItemMethods.js';

/** Every engine class's method implementations. */
export function engineMethods(apps: AppStore): EngineHandlers {
  return {
    Global: globalMethods(apps),
    Doc: {
      ...docAppMethods,
      ...docConnectionMethods,
      ...docObjectMethods,
      ...docVariableMethods,
      ...docSelectionMethods,
    },
    GenericObject: {
      ...propertyMethods<'GenericObject'>(),
      ...genericObjectTreeMethods,
      ...genericObjectDataMethods,
    },
    Field: fieldMethods,
    GenericDimension: genericDimensionMethods,
    GenericMeasure: genericMeasureMethods,
    GenericBookmark: genericBookmarkMethods,
    GenericVariable: genericVariableMethods,
    Variable: variableMethods,
  };
}
