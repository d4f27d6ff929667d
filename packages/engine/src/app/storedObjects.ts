import { randomUUID } from 'node:crypto';
import type { StoredObject, StoredObjectType } from './AppDocument.js';
import { shareJson } from './layout/sharedJson.js';

/** Gives an object a copy of `properties` as its own, keeping its qInfo id and type, and stamps the change. */
export function replaceProperties(object: StoredObject, properties: Record<string, unknown>): void {
  const next = structuredClone(properties);
  next.qInfo = {
    ...(next.qInfo as object | undefined),
    qId: objectId(object),
    qType: (object.properties.qInfo as { qType: string }).qType,
  };
  object.properties = next;
  object.modifiedDate = new Date().toISOString();
}

/** What Publish/UnPublish and Approve/UnApprove change on an object. */
export interface ObjectStatus {
  readonly published?: boolean;
  readonly approved?: boolean;
}

/** Applies a status change to an object in place. */
export function applyStatus(object: StoredObject, status: ObjectStatus): void {
  if (status.published === true) object.publishTime ??= new Date().toISOString();
  if (status.published === false) delete object.publishTime;
  if (status.approved !== undefined) object.approved = status.approved;
  object.modifiedDate = new Date().toISOString();
}

/** The qId of a stored object. */
export function objectId(object: StoredObject): string {
  return objectIdOfProps(object.properties);
}

/** A copy of a stored object's qInfo, whose qId and qType are always there. */
export function objectInfo(object: StoredObject): { qId: string; qType: string } {
  return structuredClone(object.properties.qInfo) as { qId: string; qType: string };
}

/** The qId of an object's properties (given a qInfo by `withInfo`). */
export function objectIdOfProps(properties: Record<string, unknown>): string {
  return (properties.qInfo as { qId: string }).qId;
}

const DEFAULT_TYPES: Record<StoredObjectType, string> = {
  GenericObject: 'generic',
  GenericDimension: 'dimension',
  GenericMeasure: 'measure',
  GenericBookmark: 'bookmark',
  GenericVariable: 'variable',
};

/** Ensures `qInfo` with a qId and a qType, as the engine does for created objects. */
export function withInfo(
  properties: Record<string, unknown>,
  type: StoredObjectType,
): Record<string, unknown> {
  const info = (
    typeof properties.qInfo === 'object' && properties.qInfo !== null ? properties.qInfo : {}
  ) as {
    qId?: unknown;
    qType?: unknown;
  };
  const qId = typeof info.qId === 'string' && info.qId !== '' ? info.qId : randomUUID().slice(0, 8);
  const qType =
    typeof info.qType === 'string' && info.qType !== '' ? info.qType : DEFAULT_TYPES[type];
  properties.qInfo = { ...info, qId, qType };
  return properties;
}

/** The qMeta of a stored object's layout: its qMetaDef with dates, status and privileges. */
export function metaOf(object: StoredObject): Record<string, unknown> {
  const meta = (object.properties.qMetaDef as Record<string, unknown> | undefined) ?? {};
  return {
    ...structuredClone(meta),
    createdDate: object.createdDate,
    modifiedDate: object.modifiedDate,
    ...statusMeta(object),
    privileges: ['read', 'update', 'delete'],
  };
}

// The last qMeta each object's layout got, with what it was made of: most GetLayouts find it again.
const layoutMetas = new WeakMap<
  StoredObject,
  { base: object; publishTime: unknown; approved: boolean; meta: Record<string, unknown> }
>();

/**
 * A layout's qMeta: `base` (from the qMetaDef) with the object's status. The
 * same value while neither changes, marked as shared JSON (never changed
 * once made), so a delta answer finds it unchanged by identity.
 */
export function layoutMeta(
  base: Record<string, unknown>,
  object: StoredObject,
): Record<string, unknown> {
  const known = layoutMetas.get(object);
  const approved = object.approved === true;
  if (
    known?.base === base &&
    known.publishTime === object.publishTime &&
    known.approved === approved
  )
    return known.meta;
  const meta = shareJson({ ...base, ...statusMeta(object) });
  layoutMetas.set(object, { base, publishTime: object.publishTime, approved, meta });
  return meta;
}

/** qMeta.published, publishTime and approved, as Publish and Approve left them. */
export function statusMeta(object: StoredObject): Record<string, unknown> {
  return {
    published: object.publishTime !== undefined,
    ...(object.publishTime === undefined ? {} : { publishTime: object.publishTime }),
    approved: object.approved === true,
  };
}
