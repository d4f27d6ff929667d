import WebSocket from 'ws';
import { openSession, type Doc, type Global, type SocketCloseEvent } from '@qlikit/qix';

/** Opens an app on the tenant's engine socket with an API key. */
export async function openApp(
  url: string,
  key: string,
  appId: string,
): Promise<{ global: Global; doc: Doc; close(): Promise<SocketCloseEvent> }> {
  const session = openSession({
    url: `${url.replace('http', 'ws')}/app/${appId}`,
    createSocket: (socketUrl) =>
      new WebSocket(socketUrl, { headers: { Authorization: `Bearer ${key}` } }),
    reconnect: false,
  });
  const global = await session.open();
  const doc = await global.openDoc(appId);
  return { global, doc, close: () => session.close() };
}

/** The rows of a one-dimension, one-measure hypercube as text. */
export async function cubeRows(doc: Doc, dimension: string, measure: string): Promise<string[][]> {
  const object = await doc.createSessionObject({
    qInfo: { qType: 'test-cube' },
    qHyperCubeDef: {
      qDimensions: [{ qDef: { qFieldDefs: [dimension] } }],
      qMeasures: [{ qDef: { qDef: measure } }],
      qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 100 }],
    },
  });
  const layout = await object.getLayout();
  return (layout.qHyperCube?.qDataPages[0]?.qMatrix ?? []).map((row) =>
    row.map((cell) => cell.qText ?? ''),
  );
}
