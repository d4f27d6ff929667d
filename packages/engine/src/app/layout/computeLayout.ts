import { readPointer } from '../jsonPointer.js';
import { toVariableListItem } from '../variableItems.js';
import type { LayoutContext, StoredLike } from './LayoutContext.js';
import { shareJson } from './sharedJson.js';

type Json = Record<string, unknown>;

/**
 * The layout of a generic object: its properties with every definition the
 * engine knows replaced by its computed form (qHyperCubeDef → qHyperCube,
 * qListObjectDef → qListObject, qStringExpression → string, the object
 * lists, ...), the rest copied, plus qInfo, qMeta and qSelectionInfo.
 */
export function computeLayout(properties: Json, context: LayoutContext): Json {
  const layout: Json = {};
  for (const key in properties) {
    if (!Object.hasOwn(properties, key) || key === 'qMetaDef') continue;
    const value = properties[key];
    // Properties are replaced whole, never changed in place: one shallow copy serves every layout.
    if (key === 'qInfo') layout.qInfo = value === undefined ? undefined : sharedCopy(value as Json);
    else if (!isObject(value)) layout[key] = value;
    else {
      const computed = computeDefinition(key, value, `/${key}`, context);
      if (computed) layout[computed.key] = computed.value;
      else layout[key] = transformNode(value, `/${key}`, context);
    }
  }
  if (!('qInfo' in layout)) layout.qInfo = undefined;
  layout.qMeta = metaOf(properties.qMetaDef as Json | undefined);
  layout.qSelectionInfo =
    SELECTION_INFO[(context.inSelections() ? 2 : 0) + (context.madeSelections() ? 1 : 0)];
  layout.qHasSoftPatches = false;
  return layout;
}

// The parts of a layout that only change with the properties (or never) are the same values
// from one GetLayout to the next, marked as shared JSON: a delta answer finds them unchanged
// by identity, and their JSON is written once.
const copies = new WeakMap<object, Json>();

function sharedCopy(value: Json): Json {
  let copy = copies.get(value);
  if (copy === undefined) copies.set(value, (copy = shareJson({ ...value })));
  return copy;
}

const PRIVILEGES = shareJson(['read', 'update', 'delete', 'exportdata']);
const NO_META_DEF = shareJson({ privileges: PRIVILEGES });
const metas = new WeakMap<object, Json>();

/** qMeta before the object's status: the privileges, then the qMetaDef's members. */
function metaOf(def: Json | undefined): Json {
  if (def === undefined) return NO_META_DEF;
  if (!isObject(def)) return { privileges: [...PRIVILEGES], ...(def as object) };
  let meta = metas.get(def);
  if (meta === undefined) metas.set(def, (meta = shareJson({ privileges: PRIVILEGES, ...def })));
  return meta;
}

/** qSelectionInfo by (qInSelections, qMadeSelections). */
const SELECTION_INFO = [false, true].flatMap((qInSelections) =>
  [false, true].map((qMadeSelections) => shareJson({ qInSelections, qMadeSelections })),
);

function transformNode(node: unknown, path: string, context: LayoutContext): unknown {
  if (Array.isArray(node))
    return node.map((item, index) =>
      isObject(item) ? transformNode(item, `${path}/${index}`, context) : item,
    );
  if (!isObject(node)) return node;
  const out: Json = {};
  const object = node as Json;
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    const value = object[key];
    // Scalars are copied as they are: only objects and arrays need their path (every layout walks them all).
    if (!isObject(value)) {
      out[key] = value;
      continue;
    }
    const childPath = `${path}/${key}`;
    const computed = computeDefinition(key, value, childPath, context);
    if (computed) out[computed.key] = computed.value;
    else out[key] = transformNode(value, childPath, context);
  }
  return out;
}

function computeDefinition(
  key: string,
  value: unknown,
  path: string,
  context: LayoutContext,
): { key: string; value: unknown } | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const def = value as Json;
  switch (key) {
    case 'qHyperCubeDef':
      return { key: 'qHyperCube', value: context.hyperCube(def, path) };
    case 'qListObjectDef':
      return { key: 'qListObject', value: context.listObject(def, path) };
    case 'qStringExpression':
      return { key, value: context.stringExpression(expressionOf(def)) };
    case 'qValueExpression':
      return { key, value: context.valueExpression(expressionOf(def)) };
    case 'qSelectionObjectDef':
      return {
        key: 'qSelectionObject',
        value: context.selectionObject(String(def.qStateName ?? '$')),
      };
    case 'qFieldListDef':
      return { key: 'qFieldList', value: context.fieldList(def) };
    case 'qAppObjectListDef':
      return {
        key: 'qAppObjectList',
        value: { qItems: objectItems(context.objectsOf('GenericObject'), def) },
      };
    case 'qMeasureListDef':
      return {
        key: 'qMeasureList',
        value: { qItems: objectItems(context.objectsOf('GenericMeasure'), def) },
      };
    case 'qDimensionListDef':
      return {
        key: 'qDimensionList',
        value: { qItems: objectItems(context.objectsOf('GenericDimension'), def) },
      };
    case 'qBookmarkListDef':
      return {
        key: 'qBookmarkList',
        value: { qItems: objectItems(context.objectsOf('GenericBookmark'), def) },
      };
    case 'qVariableListDef':
      return { key: 'qVariableList', value: variableList(context, def) };
    case 'qChildListDef':
      return { key: 'qChildList', value: { qItems: objectItems(context.children(), def) } };
    case 'qMediaListDef':
      return { key: 'qMediaList', value: { qItems: [] } };
    case 'qExtensionListDef':
      return { key: 'qExtensionList', value: { qItems: [] } };
    case 'qUndoInfoDef':
      return { key: 'qUndoInfo', value: { qUndoCount: 0, qRedoCount: 0 } };
    default:
      return null;
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function expressionOf(def: Json): string {
  return typeof def.qExpr === 'string' ? def.qExpr : '';
}

/** NxContainerEntry items for an object list, with the properties the list's qData asks for. */
function objectItems(objects: readonly StoredLike[], def: Json): Json[] {
  const wantedType = (def.qType as string | undefined) ?? '';
  const data = (def.qData as Json | undefined) ?? {};
  return objects
    .filter((object) => wantedType === '' || infoOf(object).qType === wantedType)
    .map((object) => ({
      qInfo: infoOf(object),
      qMeta: {
        title: metaTitle(object),
        createdDate: object.createdDate,
        modifiedDate: object.modifiedDate,
        privileges: ['read', 'update', 'delete'],
      },
      qData: pickData(object.properties, data),
    }));
}

function infoOf(object: StoredLike): { qId: string; qType: string } {
  return object.properties.qInfo as { qId: string; qType: string };
}

function metaTitle(object: StoredLike): string {
  const meta = object.properties.qMetaDef as Json | undefined;
  return typeof meta?.title === 'string' ? meta.title : '';
}

/** qData maps names to property paths (e.g. `{ title: '/qMetaDef/title' }`); absent paths give nothing. */
function pickData(properties: Json, data: Json): Json {
  const out: Json = {};
  for (const [name, path] of Object.entries(data)) {
    if (typeof path !== 'string') continue;
    const value = readPointer(properties, path);
    if (value !== undefined) out[name] = structuredClone(value);
  }
  return out;
}

function variableList(context: LayoutContext, def: Json): Json {
  return {
    qItems: context
      .variables(def.qShowReserved === true, def.qShowConfig === true)
      .map(toVariableListItem),
  };
}
