import { objectId, objectInfo, type ObjectStatus } from '../../app/storedObjects.js';
import type { StoredObject, StoredObjectType } from '../../app/AppDocument.js';
import type { DocSession } from '../../app/DocSession.js';
import { applyNxPatches, type PatchInput } from '../../app/applyNxPatches.js';
import { arrayArg, booleanArg, objectArg, stringArg } from '../dispatch/argReaders.js';
import { checkShape } from '../dispatch/checkShape.js';
import type { CallContext, ClassMethods, MethodResult } from '../dispatch/MethodTable.js';
import { LocError } from '../../errors/LocError.js';
import { NO_OBJECT } from '../session/HandleTable.js';
import { openDocOf } from './sessionDoc.js';
import { created, openObjectHandle } from './docObjectMethods.js';
import { linkedObjects } from './linkedObjects.js';

/** The stored object and the session's doc behind a GenericObject-like handle. */
export function objectOf(context: CallContext): { object: StoredObject; doc: DocSession } {
  const doc = openDocOf(context.session);
  if (!doc) throw new LocError('LOCERR_APP_NOT_OPEN', 'No app is open in this session');
  return { object: context.entry.target as StoredObject, doc };
}

/** Publish/UnPublish/Approve/UnApprove: the status shows in the layout's qMeta. */
function setStatus(context: CallContext, status: ObjectStatus): Record<string, never> {
  const { object, doc } = objectOf(context);
  doc.setObjectStatus(object, status);
  return {};
}

/** A property tree with its children inlined as `qChildren`, as GetFullPropertyTree answers. */
function fullTree(
  doc: DocSession,
  object: StoredObject,
): MethodResult<'GenericObject', 'GetFullPropertyTree'>['qPropEntry'] {
  return {
    qProperty: storedProperties(object.properties),
    qChildren: doc.childrenOf(objectId(object)).map((child) => fullTree(doc, child)),
  };
}

type Json = Record<string, unknown>;

/**
 * Patched properties are checked against the spec's properties type of the
 * object's class before they are kept (`/qName: expected a string`), as the
 * properties SetProperties takes are.
 */
function checkStoredProperties(properties: Json, type: StoredObjectType): void {
  checkShape(properties, `S${type}Properties`, '');
}

/**
 * A copy of stored properties as the spec's properties type of their class:
 * they were checked against it when stored, and qInfo is always there.
 */
export function storedProperties<T>(properties: unknown): T {
  return structuredClone(properties) as T;
}

/**
 * Methods every property-tree class shares (GenericObject, GenericDimension,
 * ...), written once over the stored JSON and typed for class `C`: properties
 * and layouts are the free trees the spec's types of `C` describe.
 */
export function propertyMethods<C extends StoredObjectType>(): ClassMethods<C> {
  return sharedPropertyMethods as ClassMethods<C>;
}

const sharedPropertyMethods: ClassMethods<'GenericObject'> = {
  GetProperties: (context) => ({ qProp: storedProperties(objectOf(context).object.properties) }),
  GetEffectiveProperties(context) {
    const { object, doc } = objectOf(context);
    return { qProp: storedProperties(doc.effectiveProperties(object)) };
  },
  SetProperties(context, args) {
    const { object, doc } = objectOf(context);
    doc.setObjectProperties(object, objectArg(args, 'qProp'));
    return {};
  },
  GetInfo: (context) => ({ qInfo: objectInfo(objectOf(context).object) }),
  ApplyPatches(context, args) {
    const { object, doc } = objectOf(context);
    const patches = arrayArg<PatchInput>(args, 'qPatches');
    const check = (next: Json) => checkStoredProperties(next, object.type);
    if (booleanArg(args, 'qSoftPatch')) {
      doc.applySoftPatches(object, patches, check);
      return {};
    }
    const next = structuredClone(object.properties);
    applyNxPatches(next, patches, context.session.limits);
    check(next);
    doc.setObjectProperties(object, next);
    return {};
  },
  GetLayout(context) {
    const { object, doc } = objectOf(context);
    // A layout is made fresh for each call, but for the shared chart results in it that never change.
    return { qLayout: doc.layoutOf(object, object.type) as never };
  },
  Publish: (context) => setStatus(context, { published: true }),
  UnPublish: (context) => setStatus(context, { published: false }),
  Approve: (context) => setStatus(context, { approved: true }),
  UnApprove: (context) => setStatus(context, { approved: false }),
  GetLinkedObjects(context) {
    const { object, doc } = objectOf(context);
    return { qItems: linkedObjects(doc, object) };
  },
};

/** Methods of GenericObject beyond the shared ones: children and the full property tree. */
export const genericObjectTreeMethods: ClassMethods<'GenericObject'> = {
  GetFullPropertyTree(context) {
    const { object, doc } = objectOf(context);
    return { qPropEntry: fullTree(doc, object) };
  },
  SetFullPropertyTree(context, args) {
    const { object, doc } = objectOf(context);
    const entry = objectArg(args, 'qPropEntry');
    doc.setFullPropertyTree(object, entry);
    return {};
  },
  CreateChild(context, args) {
    const { object, doc } = objectOf(context);
    const props = objectArg(args, 'qProp');
    const parentId = objectId(object);
    const child = doc.isSessionObject(object)
      ? doc.createSessionObject('GenericObject', props, parentId)
      : doc.app.createObject('GenericObject', props, parentId);
    doc.invalidateObject(parentId);
    return created(context, child);
  },
  DestroyChild(context, args) {
    const { object, doc } = objectOf(context);
    const id = stringArg(args, 'qId');
    const child = doc.childrenOf(objectId(object)).find((each) => objectId(each) === id);
    if (!child) return { qSuccess: false };
    if (doc.isSessionObject(child)) doc.destroySessionObject(id);
    else doc.app.destroyObject(id);
    doc.invalidateObject(objectId(object));
    return { qSuccess: true };
  },
  DestroyAllChildren(context) {
    const { object, doc } = objectOf(context);
    for (const child of doc.childrenOf(objectId(object))) {
      if (doc.isSessionObject(child)) doc.destroySessionObject(objectId(child));
      else doc.app.destroyObject(objectId(child));
    }
    doc.invalidateObject(objectId(object));
    return {};
  },
  GetChildInfos(context) {
    const { object, doc } = objectOf(context);
    return {
      qInfos: doc.childrenOf(objectId(object)).map(objectInfo),
    };
  },
  GetChild(context, args) {
    const { object, doc } = objectOf(context);
    const id = stringArg(args, 'qId');
    const child = doc.childrenOf(objectId(object)).find((each) => objectId(each) === id);
    if (!child) return { qReturn: NO_OBJECT };
    return { qReturn: openObjectHandle(context, child) };
  },
  GetParent(context) {
    const { object, doc } = objectOf(context);
    const parent = object.parentId === undefined ? undefined : doc.findObject(object.parentId);
    if (!parent)
      throw new LocError('LOCERR_GENERIC_NOT_FOUND', 'The object has no parent', {
        parameter: objectId(object),
      });
    return { qReturn: openObjectHandle(context, parent) };
  },
  ClearSoftPatches(context) {
    const { object, doc } = objectOf(context);
    doc.clearSoftPatches(object);
    return {};
  },
};
