import type { ClassMethods } from '../dispatch/MethodTable.js';
import { numberArg, optionalStringArg, stringArg } from '../dispatch/argReaders.js';
import { objectOf, propertyMethods, storedProperties } from './genericObjectMethods.js';

/** GenericDimension: the shared property methods plus its own. */
export const genericDimensionMethods: ClassMethods<'GenericDimension'> = {
  ...propertyMethods<'GenericDimension'>(),
  GetDimension: (context) => ({
    qDim: storedProperties(objectOf(context).object.properties.qDim ?? {}),
  }),
};

/** GenericMeasure: the shared property methods plus its own. */
export const genericMeasureMethods: ClassMethods<'GenericMeasure'> = {
  ...propertyMethods<'GenericMeasure'>(),
  GetMeasure: (context) => ({
    qMeasure: storedProperties(objectOf(context).object.properties.qMeasure ?? {}),
  }),
};

/** GenericBookmark: the shared property methods plus Apply. */
export const genericBookmarkMethods: ClassMethods<'GenericBookmark'> = {
  ...propertyMethods<'GenericBookmark'>(),
  Apply(context) {
    const { object, doc } = objectOf(context);
    return { qSuccess: doc.applyBookmark(object) };
  },
};

/** GenericVariable: the shared property methods plus value setters. */
export const genericVariableMethods: ClassMethods<'GenericVariable'> = {
  ...propertyMethods<'GenericVariable'>(),
  SetStringValue(context, args) {
    const { object, doc } = objectOf(context);
    doc.setVariableDefinition(object, stringArg(args, 'qVal'));
    return {};
  },
  SetNumValue(context, args) {
    const { object, doc } = objectOf(context);
    doc.setVariableDefinition(object, String(numberArg(args, 'qVal')));
    return {};
  },
  SetDualValue(context, args) {
    const { object, doc } = objectOf(context);
    doc.setVariableDefinition(
      object,
      optionalStringArg(args, 'qText', String(numberArg(args, 'qNum', 0))),
    );
    return {};
  },
  GetRawContent: (context) => ({
    qReturn: String(objectOf(context).object.properties.qDefinition ?? ''),
  }),
};
