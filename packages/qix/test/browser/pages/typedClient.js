// In chromium: the typed entry (qix.min.js) opens an app, builds a hypercube,
// selects a row through it and evaluates an expression under the selection.
import { openSession, QixEngineError } from './qix.min.js';
import { recordSockets } from './recordSockets.js';
import { pageParams, runAndReport, texts } from './report.js';

const { engine, app } = pageParams();

await runAndReport(async () => {
  const sockets = recordSockets();
  // No createSocket: the library must pick the global WebSocket by itself.
  const session = openSession({ url: `${engine}/app/${app}`, reconnect: false });
  const global = await session.open();
  const doc = await global.openDoc(app);
  const object = await doc.createSessionObject({
    qInfo: { qType: 'table' },
    qHyperCubeDef: {
      qDimensions: [{ qDef: { qFieldDefs: ['Group'] } }],
      qMeasures: [{ qDef: { qDef: 'Sum(Age)' } }, { qDef: { qDef: 'Count(Person)' } }],
      qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 3, qHeight: 10 }],
    },
  });
  const before = await object.getLayout();
  let changed = 0;
  object.on('changed', () => changed++);
  const group3 = before.qHyperCube.qDataPages[0].qMatrix.find((row) => row[0].qText === '3')[0]
    .qElemNumber;
  const selected = await object.selectHyperCubeValues('/qHyperCubeDef', 0, [group3], false);
  const after = await object.getLayout();
  const sumHeight = await doc.evaluate('Sum(Height)');
  await session.close();

  // An engine error must arrive as the bundle's own QixEngineError, with the engine's code.
  const missing = openSession({ url: `${engine}/app/no-such-app`, reconnect: false });
  let openError;
  try {
    await (await missing.open()).openDoc('no-such-app');
  } catch (error) {
    openError = {
      isQixEngineError: error instanceof QixEngineError,
      name: error.name,
      code: error.code,
    };
  } finally {
    await missing.close();
  }
  return {
    openError,
    sockets,
    beforeRows: texts(before.qHyperCube.qDataPages[0]),
    selected,
    changed,
    afterRows: texts(after.qHyperCube.qDataPages[0]),
    afterState: after.qHyperCube.qDataPages[0].qMatrix[0][0].qState,
    sumHeight,
  };
});
