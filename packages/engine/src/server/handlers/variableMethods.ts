import type { NxVariableProperties } from '@qlikit/qix';
import { numberArg, objectArg, stringArg } from '../dispatch/argReaders.js';
import type { CallContext, ClassMethods } from '../dispatch/MethodTable.js';
import { LocError } from '../../errors/LocError.js';
import { objectOf } from './genericObjectMethods.js';
import { findVariable } from './docVariableMethods.js';

type Json = Record<string, unknown>;

/** The variable's value as its layout computes it (`=expr` evaluated). */
function valueOf(context: CallContext): { qText: string; qNum: number | 'NaN' } {
  const { object, doc } = objectOf(context);
  const layout = doc.layoutOf(object, 'GenericVariable') as {
    qText?: string;
    qNum?: number | 'NaN';
  };
  return { qText: layout.qText ?? '', qNum: layout.qNum ?? 'NaN' };
}

/** The NxVariableProperties view of a variable's stored properties. */
function nxProperties(properties: Json): NxVariableProperties {
  const out: NxVariableProperties = { qName: String(properties.qName ?? '') };
  if (properties.qNumberPresentation !== undefined)
    out.qNumberPresentation = structuredClone(
      properties.qNumberPresentation,
    ) as NxVariableProperties['qNumberPresentation'];
  out.qIncludeInBookmark = properties.qIncludeInBookmark === true;
  out.qUsePredefListedValues = properties.qUsePredefListedValues === true;
  if (Array.isArray(properties.qPreDefinedList))
    out.qPreDefinedList = (properties.qPreDefinedList as unknown[]).map(String);
  return out;
}

/**
 * The deprecated `Variable` class (from `Doc.GetVariable`), over the same
 * stored variable a GenericVariable handle shows: content is the definition,
 * NxProperties are its name, number format, bookmark flag and value list.
 */
export const variableMethods: ClassMethods<'Variable'> = {
  GetContent(context) {
    const { qText, qNum } = valueOf(context);
    return { qContent: { qString: qText, qIsNum: qNum !== 'NaN' } };
  },
  GetRawContent: (context) => ({
    qReturn: String(objectOf(context).object.properties.qDefinition ?? ''),
  }),
  SetContent(context, args) {
    // qUpdateMRU feeds a client's list of recent values, which this engine does not keep.
    const { object, doc } = objectOf(context);
    doc.setVariableDefinition(object, stringArg(args, 'qContent'));
    return { qReturn: true };
  },
  ForceContent(context, args) {
    const { object, doc } = objectOf(context);
    // A dual: its text when it has one, else its number.
    const text = stringArg(args, 'qs');
    doc.setVariableDefinition(object, text === '' ? String(numberArg(args, 'qd')) : text);
    return {};
  },
  GetNxProperties: (context) => ({
    qProperties: nxProperties(objectOf(context).object.properties),
  }),
  SetNxProperties(context, args) {
    const { object, doc } = objectOf(context);
    const next = objectArg<NxVariableProperties>(args, 'qProperties');
    const name = next.qName ?? String(object.properties.qName ?? '');
    const other = findVariable(doc, name);
    if (name === '' || (other !== undefined && other !== object))
      throw new LocError(
        'LOCERR_GENERIC_INVALID_PARAMETERS',
        name === '' ? 'A variable needs a qName' : `Variable already exists: ${name}`,
        { parameter: 'qProperties/qName' },
      );
    doc.setObjectProperties(object, { ...object.properties, ...next, qName: name });
    return {};
  },
};
