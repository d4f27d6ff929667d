import type { Doc, GenericObjectEntry } from '@qlikit/qix';
import type { Output } from '../../../output/Output.js';
import { upsertDimension, upsertMeasure, upsertVariable } from '../masterItems.js';
import type { AppFiles } from './AppFiles.js';

/** What `app build` changed, by kind. */
export interface BuildCounts {
  connections: number;
  dimensions: number;
  measures: number;
  variables: number;
  objects: number;
}

async function upsertObject(doc: Doc, entry: GenericObjectEntry): Promise<void> {
  const id = entry.qProperty?.qInfo.qId;
  let object = id ? await doc.getObject(id).catch(() => undefined) : undefined;
  object ??= await doc.createObject(entry.qProperty!);
  await object.setFullPropertyTree(entry);
}

/** Writes the parts into an open app: connections, app properties, script, variables, master items, objects. */
export async function applyAppFiles(
  doc: Doc,
  files: AppFiles,
  out: Output,
  title?: string,
): Promise<BuildCounts> {
  const counts: BuildCounts = {
    connections: 0,
    dimensions: 0,
    measures: 0,
    variables: 0,
    objects: 0,
  };
  const existing = new Set((await doc.getConnections()).map((connection) => connection.qName));
  for (const connection of files.connections) {
    if (existing.has(connection.qName)) continue;
    try {
      await doc.createConnection(connection);
      counts.connections += 1;
    } catch (error) {
      out.warn(`connection '${connection.qName}' was not created: ${(error as Error).message}`);
    }
  }
  if (files.appProperties || title) {
    await doc.setAppProperties({ ...files.appProperties, ...(title ? { qTitle: title } : {}) });
  }
  if (files.script !== undefined) await doc.setScript(files.script);
  for (const variable of files.variables) await upsertVariable(doc, variable);
  for (const dimension of files.dimensions) await upsertDimension(doc, dimension);
  for (const measure of files.measures) await upsertMeasure(doc, measure);
  counts.variables = files.variables.length;
  counts.dimensions = files.dimensions.length;
  counts.measures = files.measures.length;
  for (const entry of files.objects) {
    if (!entry.qProperty) continue;
    await upsertObject(doc, entry);
    counts.objects += 1;
  }
  return counts;
}
