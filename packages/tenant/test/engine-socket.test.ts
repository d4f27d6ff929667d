import enigma from 'enigma.js';
import schema from 'enigma.js/schemas/12.2027.0.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enigmaSocket } from './helpers/enigmaSocket.js';
import { startFixture, type TenantFixture } from './helpers/tenantFixture.js';

describe('the engine on /app/<appId> of the tenant port', () => {
  let t: TenantFixture;
  let appId: string;

  beforeAll(async () => {
    t = await startFixture();
    appId = (await t.call('POST', '/api/v1/apps', { body: { attributes: { name: 'Socket app' } } }))
      .body.attributes.id;
  });
  afterAll(() => t.close());

  it('serves enigma.js, unchanged, with the API key on the upgrade', async () => {
    const session = enigma.create({
      schema,
      url: `${t.url.replace('http', 'ws')}/app/${appId}`,
      createSocket: (url: string) => enigmaSocket(url, t.adminKey),
    });
    const global = (await session.open()) as any;
    const doc = await global.openDoc(appId);
    await doc.setScript('T: LOAD * INLINE [a, b\n1, x\n2, y\n3, y];');
    expect(await doc.doReload()).toBe(true);
    const object = await doc.createSessionObject({
      qInfo: { qType: 'test' },
      qHyperCubeDef: {
        qDimensions: [{ qDef: { qFieldDefs: ['b'] } }],
        qMeasures: [{ qDef: { qDef: 'Sum(a)' } }],
        qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 10 }],
      },
    });
    const layout = await object.getLayout();
    const rows = layout.qHyperCube.qDataPages[0].qMatrix.map((row: Array<{ qText: string }>) =>
      row.map((c) => c.qText),
    );
    expect(rows).toEqual([
      ['x', '1'],
      ['y', '5'],
    ]);
    expect(await global.getAuthenticatedUser()).toBe(t.tenant.admin.user.id);
    await session.close();
  });

  it('opens a Qlik Cloud session app on /app/SessionApp_<x>/ttl/5: GetActiveDoc, suspend and resume', async () => {
    const session = enigma.create({
      schema,
      url: `${t.url.replace('http', 'ws')}/app/SessionApp_${Date.now().toString(36)}/ttl/5`,
      createSocket: (url: string) => enigmaSocket(url, t.adminKey),
    });
    const global = (await session.open()) as any;
    const app = await global.getActiveDoc();
    await app.setScript('T: LOAD * INLINE [a\n1\n2];');
    expect(await app.doReload()).toBe(true);
    const object = await app.createObject({ qInfo: { qId: 'OBJ02', qType: 'abc' } });
    const before = await object.getProperties();
    await session.suspend();
    await session.resume(true);
    expect(await object.getProperties()).toEqual(before);
    expect(await app.evaluate('Sum(a)')).toBe('3');
    expect((await app.getAppLayout()).qIsSessionApp).toBe(true);
    await session.close();
  });
});
