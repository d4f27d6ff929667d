// A test page: the hub's sheet view on a bare engine (no tenant), for the
// engine-level browser tests: ?engine=<ws url of the app>&app=<id>. When the
// page's spec.json names a sheet missing from the app, it is made first the
// way the Qlik Sense client makes sheets: each chart from the properties
// nebula.js generates for its type (the chart package's own defaults),
// stored through its full property tree.
import type { Doc } from '@qlikit/qix';
import { sheetPage } from '../../web/pages/sheetPage.js';
import { openApp } from '../../web/session/AppConnection.js';
import { nebulaFor } from '../../web/session/nebula.js';
import type { HubSession } from '../../web/session/HubSession.js';
import type { SheetSpec } from './flightsSheet.js';

async function ensureSheet(doc: Doc, spec: SheetSpec): Promise<void> {
  const existing = await doc.getObject(spec.id).catch(() => undefined);
  if (existing) return;
  const nebula = nebulaFor(doc);
  const sheet = await doc.createObject({
    qInfo: { qId: spec.id, qType: 'sheet' },
    qMetaDef: { title: spec.title },
    columns: 24,
    rows: 12,
    cells: spec.charts.map(({ id, type, cell: [col, row, colspan, rowspan] }) => ({
      name: id,
      type,
      col,
      row,
      colspan,
      rowspan,
    })),
    qChildListDef: { qData: { title: '/title' } },
  });
  for (const chart of spec.charts) {
    // nebula.js makes the chart as an object (with children, for a filter pane);
    // its full property tree then becomes a stored child of the sheet.
    const model = await nebula.create({
      type: chart.type,
      fields: chart.fields as never,
      properties: chart.properties as never,
    });
    const tree = (await model.getFullPropertyTree()) as unknown as {
      qProperty: Record<string, unknown>;
    };
    await doc.destroyObject(model.id);
    const info = { qId: chart.id, qType: chart.type };
    const child = await sheet.createChild({ qInfo: info, visualization: chart.type });
    await child.setFullPropertyTree({ ...tree, qProperty: { ...tree.qProperty, qInfo: info } });
  }
}

const params = new URLSearchParams(location.search);
const appId = params.get('app') ?? '';
const connection = openApp(params.get('engine') ?? '', appId);
const root = document.createElement('main');
document.body.append(root);
document.body.dataset.page = 'sheet';
void (async () => {
  const spec = (await (await fetch('spec.json')).json()) as SheetSpec;
  const { doc } = await connection;
  await ensureSheet(doc, spec);
  // For tests that render more: the app and a nebula.js embed of it.
  (window as unknown as { harness: object }).harness = { doc, nebula: nebulaFor(doc) };
  await sheetPage(
    {
      root,
      session: undefined as unknown as HubSession,
      app: () => connection,
      setTrail: () => undefined,
    },
    { page: 'sheet', appId, sheetId: spec.id },
  );
  document.body.dataset.ready = 'sheet';
})().catch((error: unknown) => {
  console.error(`[harness] ${(error as Error).message}`);
  document.body.dataset.ready = 'error';
});
