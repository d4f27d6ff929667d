import type { StoredObject } from '../../app/AppDocument.js';
import { toVariableListItem } from '../../app/variableItems.js';
import type { DocSession } from '../../app/DocSession.js';
import { objectArg, stringArg } from '../dispatch/argReaders.js';
import type { CallContext, ClassMethods } from '../dispatch/MethodTable.js';
import { LocError } from '../../errors/LocError.js';
import { created, docOf, openObjectHandle } from './docObjectMethods.js';

type Json = Record<string, unknown>;

/** The variable named `name` (case-insensitive, as Qlik compares variable names), stored or session. */
export function findVariable(doc: DocSession, name: string): StoredObject | undefined {
  const wanted = name.toLowerCase();
  return doc
    .objectsOfType('GenericVariable')
    .find((object) => String(object.properties.qName ?? '').toLowerCase() === wanted);
}

function createVariable(context: CallContext, props: Json, session: boolean): StoredObject {
  const doc = docOf(context);
  const name = props.qName;
  if (typeof name !== 'string' || name === '') {
    throw new LocError('LOCERR_GENERIC_INVALID_PARAMETERS', 'A variable needs a qName', {
      parameter: 'qName',
    });
  }
  if (findVariable(doc, name))
    throw new LocError('LOCERR_GENERIC_ALREADY_EXISTS', `Variable already exists: ${name}`, {
      parameter: name,
    });
  const properties = { qDefinition: '', qComment: '', ...props };
  const variable = session
    ? doc.createSessionObject('GenericVariable', properties)
    : doc.app.createObject('GenericVariable', properties);
  doc.variablesChanged();
  return variable;
}

function destroyVariable(
  doc: DocSession,
  variable: StoredObject | undefined,
  sessionOnly: boolean,
): { qSuccess: boolean } {
  if (!variable || variable.type !== 'GenericVariable') return { qSuccess: false };
  const id = (variable.properties.qInfo as { qId: string }).qId;
  if (!doc.isSessionObject(variable) && sessionOnly) return { qSuccess: false };
  const destroyed = doc.isSessionObject(variable)
    ? doc.destroySessionObject(id)
    : doc.app.destroyObject(id);
  if (destroyed.length > 0) doc.variablesChanged();
  return { qSuccess: destroyed.length > 0 };
}

/** Doc methods on variables. */
export const docVariableMethods: ClassMethods<'Doc'> = {
  CreateVariableEx(context, args) {
    return created(context, createVariable(context, objectArg(args, 'qProp'), false));
  },
  CreateSessionVariable(context, args) {
    return {
      qReturn: openObjectHandle(context, createVariable(context, objectArg(args, 'qProp'), true)),
    };
  },
  CreateVariable(context, args) {
    createVariable(context, { qName: stringArg(args, 'qName') }, false);
    return { qReturn: true };
  },
  GetVariableById(context, args) {
    const id = stringArg(args, 'qId');
    const variable = docOf(context).findObject(id);
    if (!variable || variable.type !== 'GenericVariable')
      throw new LocError('LOCERR_GENERIC_NOT_FOUND', `Variable not found: ${id}`, {
        parameter: id,
      });
    return { qReturn: openObjectHandle(context, variable) };
  },
  GetVariable(context, args) {
    const name = stringArg(args, 'qName');
    const variable = findVariable(docOf(context), name);
    if (!variable)
      throw new LocError('LOCERR_GENERIC_NOT_FOUND', `Variable not found: ${name}`, {
        parameter: name,
      });
    // The deprecated Variable class: its own handle, over the same stored variable.
    const id = (variable.properties.qInfo as { qId: string }).qId;
    return { qReturn: context.session.handles.open('Variable', id, 'variable', variable) };
  },
  GetVariableByName(context, args) {
    const name = stringArg(args, 'qName');
    const variable = findVariable(docOf(context), name);
    if (!variable)
      throw new LocError('LOCERR_GENERIC_NOT_FOUND', `Variable not found: ${name}`, {
        parameter: name,
      });
    return { qReturn: openObjectHandle(context, variable) };
  },
  DestroyVariableById: (context, args) =>
    destroyVariable(docOf(context), docOf(context).findObject(stringArg(args, 'qId')), false),
  DestroyVariableByName: (context, args) =>
    destroyVariable(docOf(context), findVariable(docOf(context), stringArg(args, 'qName')), false),
  DestroySessionVariable: (context, args) =>
    destroyVariable(docOf(context), docOf(context).findObject(stringArg(args, 'qId')), true),
  DestroySessionVariableById: (context, args) =>
    destroyVariable(docOf(context), docOf(context).findObject(stringArg(args, 'qId')), true),
  DestroySessionVariableByName: (context, args) =>
    destroyVariable(docOf(context), findVariable(docOf(context), stringArg(args, 'qName')), true),
  RemoveVariable: (context, args) => ({
    qReturn: destroyVariable(
      docOf(context),
      findVariable(docOf(context), stringArg(args, 'qName')),
      false,
    ).qSuccess,
  }),
  GetVariables(context, args) {
    const def = (args.qListDef as Json | undefined) ?? {};
    const doc = docOf(context);
    const qList = doc
      .variableItems(def.qShowReserved === true, def.qShowConfig === true)
      .map(toVariableListItem);
    return { qList };
  },
};
