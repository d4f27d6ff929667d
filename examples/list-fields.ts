// What is in an app, and what is selected in it: the two session objects every
// Qlik client starts with. qFieldListDef lists the fields of the data model;
// qSelectionObjectDef describes the current selections (the selections bar).
// App: QLIKIT_APP or 'flights'.
//
//   npm start                                                # in one terminal; it prints QLIK_API_KEY
//   export QLIK_API_KEY=<the key npm start printed>
//   node --conditions=source --import tsx examples/list-fields.ts
import { openSession, type Doc, type GenericObject } from '@qlikit/qix';
import WebSocket from 'ws';

const engineUrl = process.env.QLIKIT_ENGINE_URL ?? 'ws://127.0.0.1:9076';
// The tenant's engine takes the same API key as its REST API (`npm start` prints one).
const headers = { Authorization: `Bearer ${process.env.QLIK_API_KEY ?? ''}` };
const appId = process.env.QLIKIT_APP ?? 'flights';
const session = openSession({
  url: `${engineUrl}/app/${appId}`,
  createSocket: (url) => new WebSocket(url, { headers }),
  reconnect: false,
});

try {
  const global = await session.open();
  const doc = await global.openDoc(appId);

  // Field list: name, number of distinct values, the tables it comes from and
  // the tags the engine derived ($key marks a field that links two tables).
  const fields = await doc.createSessionObject({
    qInfo: { qType: 'example-fieldlist' },
    qFieldListDef: { qShowSystem: false, qShowHidden: false, qShowSrcTables: true },
  });
  const { qFieldList } = await fields.getLayout();
  console.log(`Fields of ${appId}:`);
  for (const field of qFieldList!.qItems) {
    // qSrcTables comes with qShowSrcTables; the published schema does not list it, hence the cast.
    const tables = (field.qSrcTables as string[] | undefined) ?? [];
    const name = (field.qName ?? '').padEnd(16);
    console.log(
      `  ${name} ${String(field.qCardinal).padStart(6)} values  in ${tables.join(', ')}  ${field.qTags.join(' ')}`,
    );
  }

  // The selection object is live: its layout follows every selection in the app.
  const selections = await doc.createSessionObject({
    qInfo: { qType: 'example-selections' },
    qSelectionObjectDef: {},
  });
  await printSelections(selections);

  if (appId === 'flights') {
    // Two selections, by text and by number; the selection object reports both.
    await selectValues(doc, 'Origin State', [{ qText: 'CA' }, { qText: 'NV' }]);
    await selectValues(doc, 'Hour', [{ qText: '6', qIsNumeric: true, qNumber: 6 }]);
    await printSelections(selections);
    console.log(
      `Flights leaving CA or NV in the 6 o'clock hour: ${await doc.evaluate('Count(Delay)')}`,
    );
  }
} finally {
  await session.close();
}

/** Selects values in one field (replacing its selection). */
async function selectValues(
  doc: Doc,
  name: string,
  values: { qText: string; qIsNumeric?: boolean; qNumber?: number }[],
): Promise<void> {
  const field = await doc.getField(name);
  await field.selectValues(values);
}

/** Prints the current selections as the selection object reports them. */
async function printSelections(selections: GenericObject): Promise<void> {
  const { qSelectionObject } = await selections.getLayout();
  const current = qSelectionObject!.qSelections;
  if (current.length === 0) console.log('No selections.');
  for (const selection of current) {
    console.log(
      `Selected in ${selection.qField}: ${selection.qSelected} (${selection.qSelectedCount} of ${selection.qTotal})`,
    );
  }
}
