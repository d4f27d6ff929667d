// Reads a whole hypercube page by page with iterateHyperCubePages: flights per
// day in the 'flights' demo app (all 20,000 flights), 30 days to a page. Large
// cubes must be paged — the engine hands out at most 10,000 cells per call.
//
//   npm start                                                # in one terminal; it prints QLIK_API_KEY
//   export QLIK_API_KEY=<the key npm start printed>
//   node --conditions=source --import tsx examples/qix-iterate-pages.ts
import { iterateHyperCubePages, openSession } from '@qlikit/qix';
import WebSocket from 'ws';

const engineUrl = process.env.QLIKIT_ENGINE_URL ?? 'ws://127.0.0.1:9076';
// The tenant's engine takes the same API key as its REST API (`npm start` prints one).
const headers = { Authorization: `Bearer ${process.env.QLIK_API_KEY ?? ''}` };
const session = openSession({
  url: `${engineUrl}/app/flights`,
  createSocket: (url) => new WebSocket(url, { headers }),
  reconnect: false,
});

try {
  const global = await session.open();
  const doc = await global.openDoc('flights');

  // One row per date, in date order. No qInitialDataFetch: the pages are
  // fetched below, so the layout need not carry any data.
  const cube = await doc.createSessionObject({
    qInfo: { qType: 'example-table' },
    qHyperCubeDef: {
      qDimensions: [{ qDef: { qFieldDefs: ['Date'], qSortCriterias: [{ qSortByNumeric: 1 }] } }],
      qMeasures: [{ qDef: { qDef: 'Count(Delay)' } }],
    },
  });

  let days = 0;
  let flights = 0;
  let busiest = { date: '', flights: 0 };
  // One GetHyperCubeData call per page; the loop can stop early with `break`
  // or an AbortSignal (option `signal`), and no further page is fetched.
  for await (const page of iterateHyperCubePages(cube, { pageHeight: 30 })) {
    const first = page.qMatrix[0][0].qText;
    const last = page.qMatrix[page.qMatrix.length - 1][0].qText;
    console.log(`page at row ${page.qArea.qTop}: ${page.qMatrix.length} days, ${first} .. ${last}`);
    for (const [date, count] of page.qMatrix) {
      days += 1;
      flights += count.qNum ?? 0;
      if ((count.qNum ?? 0) > busiest.flights)
        busiest = { date: date.qText ?? '', flights: count.qNum ?? 0 };
    }
  }
  console.log(`${days} days, ${flights} flights`);
  console.log(`busiest day: ${busiest.date} with ${busiest.flights} flights`);
} finally {
  await session.close();
}
