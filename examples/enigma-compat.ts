// enigma.js code, unchanged but for the import: `@qlikit/qix/enigma` takes the
// same create() config (schema, url, createSocket) and hands back the same API.
// Average fuel economy by region in the 'cars' demo app, before and after
// selecting the four-cylinder cars.
//
//   npm start                                                # in one terminal; it prints QLIK_API_KEY
//   export QLIK_API_KEY=<the key npm start printed>
//   node --conditions=source --import tsx examples/enigma-compat.ts
import enigma from '@qlikit/qix/enigma';
import type { GenericObjectLayout } from '@qlikit/qix';
// The engine schema enigma.js ships, loaded the way enigma.js programs load it.
import schema from 'enigma.js/schemas/12.2027.0.json' with { type: 'json' };
import WebSocket from 'ws';

const engineUrl = process.env.QLIKIT_ENGINE_URL ?? 'ws://127.0.0.1:9076';
// The tenant's engine takes the same API key as its REST API (`npm start` prints one).
const headers = { Authorization: `Bearer ${process.env.QLIK_API_KEY ?? ''}` };

const session = enigma.create({
  schema,
  url: `${engineUrl}/app/cars`,
  // Node programs hand enigma a socket factory; `ws` is what enigma's docs use.
  createSocket: (url) => new WebSocket(url, { headers }),
});

// enigma.js sessions emit the traffic as events, handy when learning the protocol.
if (process.env.SHOW_TRAFFIC) {
  session.on('traffic:sent', (data) => console.log('->', JSON.stringify(data)));
  session.on('traffic:received', (data) => console.log('<-', JSON.stringify(data)));
}

try {
  // open() resolves the Global object, typed by @qlikit/qix's generated interfaces.
  const global = await session.open();
  const doc = await global.openDoc('cars');
  const table = await doc.createSessionObject({
    qInfo: { qType: 'example-table' },
    qHyperCubeDef: {
      qDimensions: [{ qDef: { qFieldDefs: ['Origin'], qSortCriterias: [{ qSortByAscii: 1 }] } }],
      qMeasures: [{ qDef: { qDef: 'Avg(MPG)' } }, { qDef: { qDef: 'Count(Name)' } }],
      qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 3, qHeight: 10 }],
    },
  });

  // The 'changed' event fires when a selection invalidates the object's layout.
  table.on('changed', () => console.log('(the table changed)'));
  printTable('All cars', await table.getLayout());

  // Field.selectValues with a numeric value, as enigma.js code passes it.
  const cylinders = await doc.getField('Cylinders');
  await cylinders.selectValues([{ qText: '4', qIsNumeric: true, qNumber: 4 }]);
  printTable('Four-cylinder cars', await table.getLayout());
} finally {
  await session.close();
}

/** Prints the rows of a hypercube layout: region, average MPG, number of cars. */
function printTable(title: string, layout: GenericObjectLayout): void {
  console.log(`${title}:`);
  for (const [origin, mpg, count] of layout.qHyperCube!.qDataPages[0].qMatrix) {
    console.log(
      `  ${(origin.qText ?? '').padEnd(7)} ${(mpg.qNum ?? 0).toFixed(1).padStart(5)} mpg  ${count.qText} cars`,
    );
  }
}
