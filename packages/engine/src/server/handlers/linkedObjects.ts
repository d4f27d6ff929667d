import { objectId, objectInfo } from '../../app/storedObjects.js';
import type { StoredObject } from '../../app/AppDocument.js';
import type { DocSession } from '../../app/DocSession.js';
import type { NxLinkedObjectInfo } from '@qlikit/qix';

/** Whether a property tree refers to a master item by `qLibraryId` anywhere in it. */
function refersTo(value: unknown, libraryId: string, depth = 0): boolean {
  if (typeof value !== 'object' || value === null || depth > 256) return false;
  if (Array.isArray(value)) return value.some((item) => refersTo(item, libraryId, depth + 1));
  const record = value as Record<string, unknown>;
  if (record.qLibraryId === libraryId) return true;
  return Object.values(record).some((member) => refersTo(member, libraryId, depth + 1));
}

/** The top of an object's parent chain (the sheet a chart sits on; itself when it has no parent). */
function rootOf(doc: DocSession, object: StoredObject): StoredObject {
  let current = object;
  const seen = new Set<string>();
  while (current.parentId !== undefined && !seen.has(current.parentId)) {
    seen.add(current.parentId);
    const parent = doc.findObject(current.parentId);
    if (!parent) break;
    current = parent;
  }
  return current;
}

/**
 * GetLinkedObjects: the generic objects that use a master item — for a master
 * dimension or measure, those referring to it by `qLibraryId`; for a master
 * visualization, those extending it by `qExtendsId` — each with its root.
 */
export function linkedObjects(doc: DocSession, item: StoredObject): NxLinkedObjectInfo[] {
  const id = objectId(item);
  const links =
    item.type === 'GenericObject'
      ? (object: StoredObject) => object.properties.qExtendsId === id
      : (object: StoredObject) => refersTo(object.properties, id);
  return doc
    .objectsOfType('GenericObject')
    .filter((object) => object !== item && links(object))
    .map((object) => ({ qRootId: objectId(rootOf(doc, object)), qInfo: objectInfo(object) }));
}
