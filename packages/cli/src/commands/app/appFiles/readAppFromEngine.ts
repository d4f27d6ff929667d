import type { Doc, GenericObjectEntry } from '@qlikit/qix';
import { listDimensions, listMeasures, listVariables } from '../masterItems.js';
import type { AppFiles } from './AppFiles.js';

const byId = (a: { qInfo?: { qId?: string } }, b: { qInfo?: { qId?: string } }) =>
  (a.qInfo?.qId ?? '').localeCompare(b.qInfo?.qId ?? '');

/** Every id inside an object's children, at any depth. */
function childIds(entry: GenericObjectEntry, into: Set<string>): Set<string> {
  for (const child of entry.qChildren ?? []) {
    const id = child.qProperty?.qInfo.qId;
    if (id) into.add(id);
    childIds(child, into);
  }
  return into;
}

/** Reads what `app unbuild` writes out of an open app, sorted by id so that files diff well. */
export async function readAppFromEngine(doc: Doc): Promise<AppFiles> {
  const [script, properties, connections] = await Promise.all([
    doc.getScript(),
    doc.getAppProperties(),
    doc.getConnections(),
  ]);
  // What the engine stamps on each reload or save would make every unbuild differ.
  const {
    qLastReloadTime: _reloaded,
    qSavedInProductVersion: _version,
    qMigrationHash: _migration,
    ...appProperties
  } = properties;
  const dimensions = await Promise.all(
    (await listDimensions(doc)).map(async (entry) =>
      (await doc.getDimension(entry.qInfo.qId ?? '')).getProperties(),
    ),
  );
  const measures = await Promise.all(
    (await listMeasures(doc)).map(async (entry) =>
      (await doc.getMeasure(entry.qInfo.qId ?? '')).getProperties(),
    ),
  );
  const variables = await Promise.all(
    (await listVariables(doc)).map(async (item) =>
      (await doc.getVariableById(item.qInfo.qId ?? '')).getProperties(),
    ),
  );
  const entries = await doc.getObjects({ qOptions: { qTypes: [], qIncludeSessionObjects: false } });
  const trees = await Promise.all(
    entries.map(async (entry) =>
      (await doc.getObject(entry.qInfo.qId ?? '')).getFullPropertyTree(),
    ),
  );
  const children = new Set<string>();
  for (const tree of trees) childIds(tree, children);
  const objects = trees.filter((tree) => !children.has(tree.qProperty?.qInfo.qId ?? ''));
  return {
    script,
    appProperties,
    dimensions: dimensions.sort(byId),
    measures: measures.sort(byId),
    variables: variables.sort((a, b) => a.qName.localeCompare(b.qName)),
    objects: objects.sort((a, b) => byId(a.qProperty ?? {}, b.qProperty ?? {})),
    connections,
  };
}
