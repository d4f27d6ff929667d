type Json = Record<string, unknown>;

/** The properties of a master item (GenericDimension or GenericMeasure) by its id. */
export type LibraryLookup = (id: string) => Json | undefined;

/**
 * A hypercube or list object definition with its master items filled in, as
 * Qlik resolves `qLibraryId`: a dimension (or list) takes the master
 * dimension's field definitions, labels and grouping; a measure takes the
 * master measure's expression, label and, unless the chart set its own
 * format (`numFormatFromTemplate: false`), its number format. The chart's
 * own settings (sorting, limits, attributes) stay. An id with no master item
 * leaves the inline definition as it is.
 */
export function resolveLibraryItems(def: Json, library: LibraryLookup): Json {
  const out: Json = { ...def };
  if (Array.isArray(def.qDimensions))
    out.qDimensions = (def.qDimensions as Json[]).map((dimension) =>
      withDimension(dimension, library),
    );
  if (Array.isArray(def.qMeasures))
    out.qMeasures = (def.qMeasures as Json[]).map((measure) => withMeasure(measure, library));
  if (typeof def.qLibraryId === 'string' && def.qLibraryId !== '' && !('qDimensions' in def))
    return withDimension(out, library);
  return out;
}

function withDimension(dimension: Json, library: LibraryLookup): Json {
  const master = masterOf(dimension, library)?.qDim as Json | undefined;
  if (!master) return dimension;
  const own = (dimension.qDef as Json | undefined) ?? {};
  const qDef: Json = { ...own, qFieldDefs: master.qFieldDefs ?? own.qFieldDefs };
  for (const key of ['qFieldLabels', 'qGrouping', 'qLabelExpression'])
    if (master[key] !== undefined) qDef[key] = master[key];
  return { ...dimension, qDef };
}

function withMeasure(measure: Json, library: LibraryLookup): Json {
  const master = masterOf(measure, library)?.qMeasure as Json | undefined;
  if (!master) return measure;
  const own = (measure.qDef as Json | undefined) ?? {};
  const qDef: Json = { ...own, qDef: master.qDef ?? own.qDef };
  if (master.qLabel !== undefined) qDef.qLabel = master.qLabel;
  if (master.qLabelExpression !== undefined) qDef.qLabelExpression = master.qLabelExpression;
  if (own.numFormatFromTemplate !== false && master.qNumFormat !== undefined)
    qDef.qNumFormat = master.qNumFormat;
  return { ...measure, qDef };
}

function masterOf(item: Json, library: LibraryLookup): Json | undefined {
  const id = item.qLibraryId;
  return typeof id === 'string' && id !== '' ? library(id) : undefined;
}
