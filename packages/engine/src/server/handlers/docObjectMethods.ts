import { objectId, objectInfo } from '../../app/storedObjects.js';
import { conventionalSessionObject } from '../../app/conventionalSessionObjects.js';
import { readPointer } from '../../app/jsonPointer.js';
import type { StoredObject, StoredObjectType } from '../../app/AppDocument.js';
import type { DocSession } from '../../app/DocSession.js';
import { objectArg, stringArg } from '../dispatch/argReaders.js';
import type { CallContext, ClassMethods, MethodResult } from '../dispatch/MethodTable.js';
import { LocError } from '../../errors/LocError.js';
import { NO_OBJECT, type ObjectInterface } from '../session/HandleTable.js';

type Json = Record<string, unknown>;

/** The DocSession behind a Doc handle. */
export function docOf(context: CallContext): DocSession {
  return context.entry.target as DocSession;
}

/** Opens (or finds) the handle of a stored or session object. */
export function openObjectHandle(context: CallContext, object: StoredObject): ObjectInterface {
  const info = object.properties.qInfo as { qId: string; qType: string };
  const genericType =
    object.type === 'GenericObject'
      ? info.qType
      : object.type === 'GenericVariable'
        ? 'variable'
        : info.qType;
  return context.session.handles.open(object.type, info.qId, genericType, object);
}

/** `{ qInfo, qReturn }` for the Create* methods. */
export function created(
  context: CallContext,
  object: StoredObject,
): MethodResult<'Doc', 'CreateObject'> {
  return { qInfo: objectInfo(object), qReturn: openObjectHandle(context, object) };
}

/** Get* answer: the object's handle, or the null interface when it does not exist. */
function found(
  context: CallContext,
  doc: DocSession,
  id: string,
  type: StoredObjectType,
): MethodResult<'Doc', 'GetObject'> {
  const object = doc.findObject(id);
  if (!object || object.type !== type) return { qReturn: NO_OBJECT };
  return { qReturn: openObjectHandle(context, object) };
}

function destroy(
  context: CallContext,
  id: string,
  type: StoredObjectType,
): MethodResult<'Doc', 'DestroyObject'> {
  const doc = docOf(context);
  const object = doc.findObject(id);
  if (!object || object.type !== type) return { qSuccess: false };
  if (doc.isSessionObject(object)) doc.destroySessionObject(id);
  else doc.app.destroyObject(id);
  return { qSuccess: true };
}

function clone(
  context: CallContext,
  id: string,
  type: StoredObjectType,
): MethodResult<'Doc', 'CloneObject'> {
  const doc = docOf(context);
  const source = doc.getObject(id, type);
  const properties = structuredClone(source.properties);
  (properties.qInfo as Json).qId = '';
  const copy = doc.app.createObject(type, properties);
  for (const child of doc.childrenOf(id)) {
    const childProps = structuredClone(child.properties);
    (childProps.qInfo as Json).qId = '';
    doc.app.createObject(child.type, childProps, objectId(copy));
  }
  return { qCloneId: objectId(copy) };
}

/**
 * NxContainerEntry of an object for GetObjects/GetBookmarks lists; `data`
 * (the options' qData) maps names to JSON pointers into the properties, whose
 * values fill the entry's qData.
 */
export function containerEntry(
  object: StoredObject,
  data: unknown = {},
): MethodResult<'Doc', 'GetObjects'>['qList'][number] {
  const meta = (object.properties.qMetaDef as Json | undefined) ?? {};
  const qData: Json = {};
  if (typeof data === 'object' && data !== null) {
    for (const [name, pointer] of Object.entries(data as Json)) {
      const value =
        typeof pointer === 'string' ? readPointer(object.properties, pointer) : undefined;
      if (value !== undefined) qData[name] = structuredClone(value);
    }
  }
  return {
    qInfo: objectInfo(object),
    qMeta: {
      ...structuredClone(meta),
      createdDate: object.createdDate,
      modifiedDate: object.modifiedDate,
      privileges: ['read', 'update', 'delete'],
    },
    qData,
  };
}

/** Doc methods on generic objects and master items (dimensions, measures). */
export const docObjectMethods: ClassMethods<'Doc'> = {
  CreateObject(context, args) {
    return created(
      context,
      docOf(context).app.createObject('GenericObject', objectArg(args, 'qProp')),
    );
  },
  CreateSessionObject(context, args) {
    const object = docOf(context).createSessionObject('GenericObject', objectArg(args, 'qProp'));
    return { qReturn: openObjectHandle(context, object) };
  },
  GetOrCreateObject(context, args) {
    const doc = docOf(context);
    const props = objectArg(args, 'qProp');
    const id = (props.qInfo as { qId?: string } | undefined)?.qId;
    const existing = id ? doc.findObject(id) : undefined;
    if (existing && existing.type === 'GenericObject')
      return { qNewObject: false, qReturn: openObjectHandle(context, existing) };
    return {
      qNewObject: true,
      qReturn: openObjectHandle(context, doc.app.createObject('GenericObject', props)),
    };
  },
  GetObject(context, args) {
    const doc = docOf(context);
    const id = stringArg(args, 'qId');
    // FieldList, DimensionList, MeasureList: made on first request, as the Qlik Sense client makes them.
    const conventional = doc.findObject(id) ? undefined : conventionalSessionObject(id);
    if (conventional) doc.createSessionObject('GenericObject', conventional);
    return found(context, doc, id, 'GenericObject');
  },
  DestroyObject: (context, args) => destroy(context, stringArg(args, 'qId'), 'GenericObject'),
  DestroySessionObject(context, args) {
    const id = stringArg(args, 'qId');
    return { qSuccess: docOf(context).destroySessionObject(id).length > 0 };
  },
  CloneObject: (context, args) => clone(context, stringArg(args, 'qId'), 'GenericObject'),
  GetObjects(context, args) {
    const options = (args.qOptions as Json | undefined) ?? {};
    const types = Array.isArray(options.qTypes) ? (options.qTypes as string[]) : [];
    const includeSession = options.qIncludeSessionObjects === true;
    const doc = docOf(context);
    const qList = doc
      .objectsOfType('GenericObject')
      .filter((object) => includeSession || !doc.isSessionObject(object))
      .filter(
        (object) =>
          types.length === 0 ||
          types.includes((object.properties.qInfo as { qType: string }).qType),
      )
      .map((object) => containerEntry(object, options.qData));
    return { qList };
  },
  GetAllInfos(context) {
    const doc = docOf(context);
    const types: StoredObjectType[] = [
      'GenericObject',
      'GenericDimension',
      'GenericMeasure',
      'GenericBookmark',
      'GenericVariable',
    ];
    const qInfos = types.flatMap((type) =>
      doc
        .objectsOfType(type)
        .filter((object) => !doc.isSessionObject(object))
        .map(objectInfo),
    );
    return { qInfos };
  },

  CreateDimension: (context, args) =>
    created(context, docOf(context).app.createObject('GenericDimension', objectArg(args, 'qProp'))),
  GetDimension: (context, args) =>
    found(context, docOf(context), stringArg(args, 'qId'), 'GenericDimension'),
  DestroyDimension: (context, args) => destroy(context, stringArg(args, 'qId'), 'GenericDimension'),
  CloneDimension: (context, args) => clone(context, stringArg(args, 'qId'), 'GenericDimension'),
  CreateMeasure: (context, args) =>
    created(context, docOf(context).app.createObject('GenericMeasure', objectArg(args, 'qProp'))),
  GetMeasure: (context, args) =>
    found(context, docOf(context), stringArg(args, 'qId'), 'GenericMeasure'),
  DestroyMeasure: (context, args) => destroy(context, stringArg(args, 'qId'), 'GenericMeasure'),
  CloneMeasure: (context, args) => clone(context, stringArg(args, 'qId'), 'GenericMeasure'),
  GetMeasureWithLabel(context, args) {
    const label = stringArg(args, 'qLabel');
    const doc = docOf(context);
    const measure = doc
      .objectsOfType('GenericMeasure')
      .find((object) => ((object.properties.qMeasure as Json | undefined)?.qLabel ?? '') === label);
    if (!measure)
      throw new LocError('LOCERR_GENERIC_NOT_FOUND', `No measure labelled ${label}`, {
        parameter: label,
      });
    return { qReturn: openObjectHandle(context, measure) };
  },
};
