import type { Doc } from '@qlikit/qix';

type Json = Record<string, unknown>;

/** An item of an object list (NxContainerEntry). */
export interface ListEntry {
  readonly qInfo: { qId: string; qType: string };
  readonly qMeta?: Json;
  readonly qData: Json;
}

/** A sheet of an app, as the overview lists it. */
export interface SheetEntry {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

/** The app's sheets in rank order, through an object list session object. */
export async function listSheets(doc: Doc): Promise<SheetEntry[]> {
  const items = await objectList(doc, {
    qAppObjectListDef: {
      qType: 'sheet',
      qData: { title: '/qMetaDef/title', description: '/qMetaDef/description', rank: '/rank' },
    },
  });
  return items
    .sort((a, b) => Number(a.qData.rank ?? 0) - Number(b.qData.rank ?? 0))
    .map((item) => ({
      id: item.qInfo.qId,
      title: String(item.qData.title ?? item.qInfo.qId),
      description: String(item.qData.description ?? ''),
    }));
}

/** Master dimensions or measures, through Qlik Sense's DimensionList / MeasureList objects. */
export async function listMasterItems(
  doc: Doc,
  kind: 'dimension' | 'measure',
): Promise<ListEntry[]> {
  const id = kind === 'dimension' ? 'DimensionList' : 'MeasureList';
  const object = await doc.getObject(id);
  const layout = (await object.getLayout()) as Json;
  const list = (kind === 'dimension' ? layout.qDimensionList : layout.qMeasureList) as
    { qItems?: ListEntry[] } | undefined;
  return list?.qItems ?? [];
}

async function objectList(doc: Doc, definition: Json): Promise<ListEntry[]> {
  const object = await doc.createSessionObject({ qInfo: { qType: 'hub-list' }, ...definition });
  try {
    const layout = (await object.getLayout()) as { qAppObjectList?: { qItems?: ListEntry[] } };
    return layout.qAppObjectList?.qItems ?? [];
  } finally {
    await doc.destroySessionObject(object.id);
  }
}
