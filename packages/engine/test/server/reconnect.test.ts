import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type QixSession } from '@qlikit/qix';
import { startFixture, type EngineFixture, SALES_SCRIPT } from './helpers/engineFixture.js';
import { startTcpProxy, type TcpProxy } from './helpers/tcpProxy.js';

// @qlikit/qix's automatic reconnect against the real engine, through a proxy that loses the network.
let fixture: EngineFixture;
let proxy: TcpProxy;
let appId = '';

beforeAll(async () => {
  fixture = await startFixture();
  proxy = await startTcpProxy(fixture.engine.port);
  const global = await fixture.session().open();
  appId = (await global.createApp('Reconnect')).qAppId;
  const doc = await global.openDoc(appId);
  await doc.setScript(SALES_SCRIPT);
  await doc.doReload();
  await doc.doSave();
});
afterAll(async () => {
  await proxy.close();
  await fixture.close();
});

const kpi = { qInfo: { qType: 'kpi' }, qValueExpression: { qExpr: 'Sum(Amount)' } };

async function reconnected(session: QixSession): Promise<void> {
  await new Promise<void>((resolve) => session.once('reconnected', () => resolve()));
}

describe('automatic reconnect', () => {
  it('re-attaches a session kept alive by ttl: same handles, same selections', async () => {
    const session = openSession({
      url: `ws://127.0.0.1:${proxy.port}/app/${appId}/identity/attach/ttl/60`,
      reconnect: { initialDelay: 20 },
    });
    const global = await session.open();
    const doc = await global.openDoc(appId);
    const object = await doc.createSessionObject(kpi);
    await (await doc.getField('Customer')).select('Bob');
    const handle = object.handle;
    const back = reconnected(session);
    proxy.dropAll();
    await back;
    expect(object.handle).toBe(handle);
    expect(await object.getLayout()).toMatchObject({ qValueExpression: 8 });
    await session.close();
  });

  it('rebuilds a session that died: reopens the doc, re-creates session objects from their properties, re-gets fields', async () => {
    const session = openSession({
      url: `ws://127.0.0.1:${proxy.port}/app/${appId}/identity/rebuild`,
      reconnect: { initialDelay: 20 },
    });
    const global = await session.open();
    const doc = await global.openDoc(appId);
    const object = await doc.createSessionObject(kpi);
    await object.setProperties({
      ...kpi,
      qInfo: (await object.getProperties()).qInfo,
      qValueExpression: { qExpr: 'Count(OrderId)' },
    });
    const field = await doc.getField('Product');
    const back = reconnected(session);
    proxy.dropAll();
    await back;
    expect(await object.getLayout()).toMatchObject({ qValueExpression: 5 });
    expect(await field.select('Apple')).toBe(true);
    expect(await object.getLayout()).toMatchObject({ qValueExpression: 2 });
    expect(await doc.evaluate('Sum(Amount)')).toBe('15');
    await session.close();
  });
});
