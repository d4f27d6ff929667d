// A hypercube with the typed client: average departure delay by origin state
// in the 'flights' demo app, the five worst states, then the same cube after
// selecting the worst state — the way a chart and a click on it talk to the engine.
//
//   npm start                                                # in one terminal; it prints QLIK_API_KEY
//   export QLIK_API_KEY=<the key npm start printed>
//   node --conditions=source --import tsx examples/qix-hypercube.ts
import { openSession, type GenericObject, type NxCell } from '@qlikit/qix';
import WebSocket from 'ws';

const engineUrl = process.env.QLIKIT_ENGINE_URL ?? 'ws://127.0.0.1:9076';
// The tenant's engine takes the same API key as its REST API (`npm start` prints one).
const headers = { Authorization: `Bearer ${process.env.QLIK_API_KEY ?? ''}` };

// One session is one WebSocket to one app. Reconnecting is off: a short script
// should fail loudly, not wait for a server that is gone.
const session = openSession({
  url: `${engineUrl}/app/flights`,
  createSocket: (url) => new WebSocket(url, { headers }),
  reconnect: false,
});

try {
  const global = await session.open();
  const doc = await global.openDoc('flights');

  // A session object lives as long as the session and is never saved in the app.
  // Dimension Origin State; measures Avg(Delay) and Count(Delay). The cube is sorted
  // by the first measure, largest first (qInterColumnSortOrder: column 1, then column 0).
  const cube = await doc.createSessionObject({
    qInfo: { qType: 'example-table' },
    qHyperCubeDef: {
      qDimensions: [{ qDef: { qFieldDefs: ['Origin State'] } }],
      qMeasures: [
        { qDef: { qDef: 'Avg(Delay)' }, qSortBy: { qSortByNumeric: -1 } },
        { qDef: { qDef: 'Count(Delay)' } },
      ],
      qInterColumnSortOrder: [1, 0],
      // Leave out states whose airports had no flights (all measures null).
      qSuppressZero: true,
      // The first page of data comes with every layout: 3 columns, 5 rows.
      qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 3, qHeight: 5 }],
    },
  });

  const rows = await printCube(cube, 'Average delay by origin state, worst five');

  // Select the state on the first row, the way a click on a chart does: by the
  // element number of its dimension cell. Every object in the app recomputes.
  const worst = rows[0][0];
  await cube.selectHyperCubeValues('/qHyperCubeDef', 0, [worst.qElemNumber], false);
  await printCube(cube, `After selecting ${worst.qText}`);

  // Expressions can be evaluated directly too; they see the same selection.
  console.log(`Flights from ${worst.qText}: ${await doc.evaluate('Count(Delay)')}`);
} finally {
  await session.close();
}

/** Prints the first data page of the object's hypercube and returns its rows. */
async function printCube(object: GenericObject, title: string): Promise<NxCell[][]> {
  const layout = await object.getLayout();
  const cube = layout.qHyperCube!;
  const rows = cube.qDataPages[0].qMatrix;
  console.log(`${title} (${cube.qSize.qcy} ${cube.qSize.qcy === 1 ? 'row' : 'rows'}):`);
  for (const [state, avgDelay, flights] of rows) {
    const delay = (avgDelay.qNum ?? 0).toFixed(2);
    console.log(
      `  ${(state.qText ?? '').padEnd(4)} avg delay ${delay.padStart(6)} min over ${flights.qText} flights`,
    );
  }
  return rows;
}
