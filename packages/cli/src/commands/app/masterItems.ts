import type {
  Doc,
  GenericDimensionProperties,
  GenericMeasureProperties,
  GenericVariableProperties,
  NxContainerEntry,
  NxVariableListItem,
} from '@qlikit/qix';

/** Master dimensions, measures and variables: how to list them and how to write one back. */
interface ListLayout {
  readonly qDimensionList?: { readonly qItems: readonly NxContainerEntry[] };
  readonly qMeasureList?: { readonly qItems: readonly NxContainerEntry[] };
  readonly qVariableList?: { readonly qItems: readonly NxVariableListItem[] };
}

async function listLayout(doc: Doc, definition: Record<string, unknown>): Promise<ListLayout> {
  const list = await doc.createSessionObject({
    qInfo: { qType: 'qlikit-cli-list' },
    ...definition,
  });
  try {
    return (await list.getLayout()) as ListLayout;
  } finally {
    await doc.destroySessionObject(list.id);
  }
}

/** The app's master dimensions: id, title and fields, from a dimension list. */
export async function listDimensions(doc: Doc): Promise<NxContainerEntry[]> {
  const layout = await listLayout(doc, {
    qDimensionListDef: {
      qType: 'dimension',
      qData: { title: '/qMetaDef/title', fields: '/qDim/qFieldDefs', labels: '/qDim/qFieldLabels' },
    },
  });
  return [...(layout.qDimensionList?.qItems ?? [])];
}

/** The app's master measures: id, title, expression and label, from a measure list. */
export async function listMeasures(doc: Doc): Promise<NxContainerEntry[]> {
  const layout = await listLayout(doc, {
    qMeasureListDef: {
      qType: 'measure',
      qData: { title: '/qMetaDef/title', expression: '/qMeasure/qDef', label: '/qMeasure/qLabel' },
    },
  });
  return [...(layout.qMeasureList?.qItems ?? [])];
}

/** The app's own variables (not the reserved or config ones), from a variable list. */
export async function listVariables(doc: Doc): Promise<NxVariableListItem[]> {
  const layout = await listLayout(doc, {
    qVariableListDef: { qType: 'variable', qShowReserved: false, qShowConfig: false, qData: {} },
  });
  return [...(layout.qVariableList?.qItems ?? [])];
}

/** What writing an item did. */
export type Upserted = 'created' | 'updated';

/** Writes a master dimension: the properties replace the one with its qInfo.qId, or make a new one. */
export async function upsertDimension(
  doc: Doc,
  properties: GenericDimensionProperties,
): Promise<Upserted> {
  const id = properties.qInfo?.qId;
  const existing = id ? await doc.getDimension(id).catch(() => undefined) : undefined;
  if (existing) {
    await existing.setProperties(properties);
    return 'updated';
  }
  await doc.createDimension(properties);
  return 'created';
}

/** Writes a master measure: the properties replace the one with its qInfo.qId, or make a new one. */
export async function upsertMeasure(
  doc: Doc,
  properties: GenericMeasureProperties,
): Promise<Upserted> {
  const id = properties.qInfo?.qId;
  const existing = id ? await doc.getMeasure(id).catch(() => undefined) : undefined;
  if (existing) {
    await existing.setProperties(properties);
    return 'updated';
  }
  await doc.createMeasure(properties);
  return 'created';
}

/** Writes a variable: the properties replace the variable of that name, or make a new one. */
export async function upsertVariable(
  doc: Doc,
  properties: GenericVariableProperties,
): Promise<Upserted> {
  const existing = await doc.getVariableByName(properties.qName).catch(() => undefined);
  if (existing) {
    await existing.setProperties(properties);
    return 'updated';
  }
  await doc.createVariableEx(properties);
  return 'created';
}
