import enigma from 'enigma.js';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qixSchema } from '@qlikit/qix';
import { enigmaGlobal } from './helpers/clients.js';
import { startFixture, type EngineFixture, SALES_SCRIPT } from './helpers/engineFixture.js';

// The real enigma.js client, unchanged, against the embedded engine.
let fixture: EngineFixture;
const sessions: EnigmaJS.Session[] = [];

function enigmaSession(
  path: string,
  config: Partial<EnigmaJS.Configuration> = {},
): EnigmaJS.Session {
  const session = enigma.create({
    schema: qixSchema as unknown as object,
    url: `${fixture.engine.url}${path}`,
    createSocket: (url: string) => new WebSocket(url) as never,
    ...config,
  });
  sessions.push(session);
  return session;
}

beforeAll(async () => {
  fixture = await startFixture();
  const global = await fixture.session().open();
  await global.createApp('Enigma sales').then(async ({ qAppId }) => {
    const doc = await global.openDoc(qAppId);
    await doc.setScript(SALES_SCRIPT);
    await doc.doReload();
    await doc.doSave();
    appId = qAppId;
  });
});
afterAll(async () => {
  await Promise.allSettled(sessions.map((session) => session.close()));
  await fixture.close();
});
let appId = '';

describe('enigma.js against the embedded engine', () => {
  it('sees OnConnected first in its traffic, then opens the app', async () => {
    const session = enigmaSession(`/app/${appId}`);
    const received: unknown[] = [];
    session.on('traffic:received', (message: unknown) => received.push(message));
    const global = await enigmaGlobal(session);
    const doc = await global.openDoc(appId);
    expect(received[0]).toMatchObject({
      method: 'OnConnected',
      params: { qSessionState: 'SESSION_CREATED' },
    });
    expect(await doc.evaluate('Sum(Amount)')).toBe('45');
    await session.close();
  });

  it('computes hypercubes, selects and receives changed events', async () => {
    const session = enigmaSession(`/app/${appId}/identity/hc`);
    const doc = await (await enigmaGlobal(session)).openDoc(appId);
    const object = await doc.createSessionObject({
      qInfo: { qType: 'chart' },
      qHyperCubeDef: {
        qDimensions: [{ qDef: { qFieldDefs: ['Country'] } }],
        qMeasures: [{ qDef: { qDef: 'Sum(Amount)' } }],
        qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 10 }],
      },
    } as never);
    const cube = (await object.getLayout()).qHyperCube!;
    expect(cube.qDataPages[0]!.qMatrix.map((row) => row.map((cell) => cell.qText))).toEqual([
      ['SE', '37'],
      ['NO', '8'],
    ]);
    let changed = 0;
    object.on('changed', () => changed++);
    await object.selectHyperCubeValues(
      '/qHyperCubeDef',
      0,
      [cube.qDataPages[0]!.qMatrix[1]![0]!.qElemNumber],
      false,
    );
    expect(changed).toBe(1);
    const after = (await object.getLayout()).qHyperCube!;
    expect(after.qDataPages[0]!.qMatrix.map((row) => row[0]!.qText)).toEqual(['NO']);
    const data = await object.getHyperCubeData('/qHyperCubeDef', [
      { qTop: 0, qLeft: 0, qWidth: 2, qHeight: 1 },
    ]);
    expect(data[0]!.qMatrix[0]![1]!.qNum).toBe(8);
    await session.close();
  });

  it('shows the list objects real front ends use', async () => {
    const session = enigmaSession(`/app/${appId}/identity/lists`);
    const doc = await (await enigmaGlobal(session)).openDoc(appId);
    const object = await doc.createSessionObject({
      qInfo: { qType: 'lists' },
      qFieldListDef: { qShowSystem: false },
      qVariableListDef: { qType: 'variable', qShowReserved: true, qShowConfig: true },
      qSelectionObjectDef: {},
      qAppObjectListDef: { qType: 'sheet' },
    } as never);
    const layout = (await object.getLayout()) as Record<
      string,
      { qItems?: { qName?: string; qIsReserved?: boolean }[]; qSelections?: unknown[] }
    >;
    expect(layout.qFieldList!.qItems!.map((item) => item.qName)).toEqual([
      'OrderId',
      'Customer',
      'Product',
      'Amount',
      'Country',
    ]);
    expect(layout.qVariableList!.qItems!.find((item) => item.qName === 'vTarget')).toMatchObject({
      qIsReserved: false,
    });
    expect(layout.qSelectionObject!.qSelections).toEqual([]);
    expect(layout.qAppObjectList!.qItems).toEqual([]);
    await session.close();
  });

  it('suspends and resumes a session kept alive by ttl, restoring its objects', async () => {
    const session = enigmaSession(`/app/${appId}/identity/resume/ttl/60`, { suspendOnClose: true });
    const global = await enigmaGlobal(session);
    const doc = await global.openDoc(appId);
    const object = await doc.createSessionObject({
      qInfo: { qType: 'kpi' },
      qValueExpression: { qExpr: 'Sum(Amount)' },
    } as never);
    const field = await doc.getField('Customer');
    await field.select('Alice');
    const handleBefore = object.handle;
    await session.suspend();
    let resumed = false;
    session.on('resumed', () => (resumed = true));
    await session.resume(true);
    expect(resumed).toBe(true);
    expect(object.handle).toBe(handleBefore);
    expect(await object.getLayout()).toMatchObject({ qValueExpression: 30 });
    await session.close();
  });

  it('rejects calls the engine refuses with enigma errors', async () => {
    const session = enigmaSession('/app/engineData/identity/errors');
    const global = await enigmaGlobal(session);
    await expect(global.openDoc('no-such-app')).rejects.toMatchObject({ code: 1003 });
    const doc = await global.openDoc(appId);
    await expect(doc.getObject('missing')).rejects.toMatchObject({ code: -2 });
    await session.close();
  });
});
