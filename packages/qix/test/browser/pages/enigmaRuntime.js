// In chromium: the schema-less runtime (qix-runtime.min.js) used exactly as a
// browser page uses enigma.js — a schema JSON fetched from the server, enigma.create().
import enigma from './qix-runtime.min.js';
import { recordSockets } from './recordSockets.js';
import { pageParams, runAndReport } from './report.js';

const { engine, app } = pageParams();

/** The qText and qState of each row of a list object's first data page. */
function listValues(layout) {
  return layout.qListObject.qDataPages[0].qMatrix.map(([cell]) => `${cell.qText}:${cell.qState}`);
}

/** A session list object over one field, first 20 values: possible before excluded, then A to Z. */
function listObject(field) {
  return {
    qInfo: { qType: 'listbox' },
    qListObjectDef: {
      qDef: { qFieldDefs: [field], qSortCriterias: [{ qSortByState: 1, qSortByAscii: 1 }] },
      qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 1, qHeight: 20 }],
    },
  };
}

await runAndReport(async () => {
  const sockets = recordSockets();
  const schema = await (await fetch('./schema.json')).json();
  const session = enigma.create({ schema, url: `${engine}/app/${app}` });
  const global = await session.open();
  const doc = await global.openDoc(app);
  const groups = await doc.createSessionObject(listObject('Group'));
  const people = await doc.createSessionObject(listObject('Person'));
  const groupLayout = await groups.getLayout();
  const group2 = groupLayout.qListObject.qDataPages[0].qMatrix.find(
    ([cell]) => cell.qText === '2',
  )[0].qElemNumber;
  const selected = await groups.selectListObjectValues('/qListObjectDef', [group2], false);
  const peopleAfter = await people.getLayout();
  const sumAge = await doc.evaluate('Sum(Age)');
  await session.close();
  return {
    sockets,
    selected,
    groups: listValues(groupLayout),
    people: listValues(peopleAfter),
    sumAge,
  };
});
