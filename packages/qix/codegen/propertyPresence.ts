import type { JsonSchema } from './OpenRpcSpec.js';
import type { StructGraph } from './structGraph.js';

/** Descriptions that say a property may be left out, or only shows up under a condition. */
const SAYS_OPTIONAL =
  /\bthis (?:parameter|property) is optional\b|\boptional\b|\bis displayed (?:if|when|in case)\b|\bonly (?:if|when|returned|displayed|applicable)\b|\bdefault(?: value)? is\b|\bdefault value:/i;

/** Descriptions that say the caller must give a property. */
const SAYS_MANDATORY = /\b(?:this parameter is )?mandatory\b/i;

/**
 * Result-side keys the engine leaves out unless they have content, although
 * the spec does not say so (attribute values exist only with attribute
 * expressions; trend lines only when defined; a search match's selection
 * mode only for a one-and-only-one field; failure data only after a failed reload).
 */
const OMITTED_WHEN_EMPTY: ReadonlySet<string> = new Set([
  'NxCell.qAttrExps',
  'NxCell.qAttrDims',
  'NxCell.qMiniChart',
  'NxMeasureInfo.qMiniChart',
  'NxMeasureInfo.qTrendLines',
  'NxPivotValuePoint.qAttrExps',
  'NxPivotValuePoint.qAttrDims',
  'NxPivotDimensionCell.qAttrExps',
  'NxPivotDimensionCell.qAttrDims',
  'NxStackedPivotCell.qAttrExps',
  'NxStackedPivotCell.qAttrDims',
  'NxTreeNode.qAttrExps',
  'NxTreeNode.qAttrDims',
  // Only fields in one-and-only-one mode have it (the enum's only member).
  'SearchGroupItemMatch.qFieldSelectionMode',
  // Only a reload that failed has it.
  'DoReloadExResult.qFailureData',
]);

/** A struct whose properties are all numbers (Size, Rect, Point, NxPage) is only meaningful whole. */
function isNumericTuple(struct: JsonSchema): boolean {
  const props = Object.values(struct.properties ?? {});
  return props.length > 0 && props.every((p) => p.type === 'integer' || p.type === 'number');
}

/**
 * Whether a struct property is always there. The spec has no `required`
 * lists, so this follows what descriptions say, then where the struct
 * travels: callers may send partial structs (the engine fills defaults), so
 * sent structs keep unmarked keys optional; structs only the engine returns
 * have their numbers, enums, structs and lists present, but plain strings and
 * flags optional because the engine leaves out `""` and `false`.
 */
export function isPropertyRequired(
  structName: string,
  struct: JsonSchema,
  propName: string,
  prop: JsonSchema,
  graph: StructGraph,
): boolean {
  const text = prop.description ?? '';
  if (prop['x-qlik-deprecated']) return false;
  if (SAYS_MANDATORY.test(text)) return true;
  if (SAYS_OPTIONAL.test(text)) return false;
  if (isNumericTuple(struct)) return true;
  if (graph.sent.has(structName)) return false;
  if (!graph.returned.has(structName)) return false;
  if (OMITTED_WHEN_EMPTY.has(`${structName}.${propName}`)) return false;
  if (!prop.$ref && (prop.type === 'boolean' || prop.type === 'string')) return false;
  return text.trim() !== '';
}
