import type { DataModel } from '../model/DataModel.js';

/** qDimInfos of a master dimension: cardinality and tags of each field it groups. */
export function dimensionInfos(
  model: DataModel | null,
  properties: Record<string, unknown>,
): Record<string, unknown>[] {
  const dim = (properties.qDim as { qFieldDefs?: unknown } | undefined) ?? {};
  const defs = Array.isArray(dim.qFieldDefs) ? (dim.qFieldDefs as unknown[]) : [];
  return defs.map((def) => {
    const name = typeof def === 'string' ? def.replace(/^=?\[?|\]?$/g, '') : '';
    const field = model?.findField(name);
    return {
      qApprMaxGlyphCount: 0,
      qCardinal: field?.cardinality ?? 0,
      qTags: field ? [...field.tags] : [],
      qIsSemantic: false,
      qAndMode: false,
    };
  });
}
