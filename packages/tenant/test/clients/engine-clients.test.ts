import enigma from 'enigma.js';
import schema from 'enigma.js/schemas/12.2027.0.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, qix } from '@qlik/api';
import { enigmaSocket } from '../helpers/enigmaSocket.js';
import { startFixture, type TenantFixture } from '../helpers/tenantFixture.js';

const SCRIPT = 'Sales: LOAD * INLINE [region, amount\nNorth, 10\nSouth, 5\nNorth, 7];';

/** Rows of a hypercube page as texts. */
function texts(matrix: { qText?: string }[][]): string[][] {
  return matrix.map((row) => row.map((cell) => cell.qText ?? ''));
}

const CUBE = {
  qInfo: { qType: 'test-table' },
  qHyperCubeDef: {
    qDimensions: [{ qDef: { qFieldDefs: ['region'] } }],
    qMeasures: [{ qDef: { qDef: 'Sum(amount)' } }],
    qInitialDataFetch: [{ qTop: 0, qLeft: 0, qWidth: 2, qHeight: 10 }],
  },
};

describe("enigma.js and @qlik/api's qix, unchanged, on /app/<appId> with an API key", () => {
  let t: TenantFixture;
  let appId: string;
  beforeAll(async () => {
    t = await startFixture();
    appId = (await t.call('POST', '/api/v1/apps', { body: { attributes: { name: 'Sales' } } })).body
      .attributes.id;
    const set = await t.call('POST', `/api/v1/apps/${appId}/scripts`, { body: { script: SCRIPT } });
    expect(set.status).toBe(200);
    const reload = await t.call('POST', '/api/v1/reloads', { body: { appId } });
    for (let tries = 0; tries < 200; tries++) {
      const status = (await t.call('GET', `/api/v1/reloads/${reload.body.id}`)).body.status;
      if (status === 'SUCCEEDED') return;
      if (status === 'FAILED') throw new Error('the setup reload failed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the setup reload did not end');
  });
  afterAll(() => t.close());

  it('enigma.js: opens the app, selects, reads layouts, and the session ends with the socket', async () => {
    const session = enigma.create({
      schema,
      url: `${t.url.replace(/^http/, 'ws')}/app/${appId}`,
      createSocket: (url: string) => enigmaSocket(url, t.adminKey),
    });
    const global = (await session.open()) as any;
    expect(await global.getAuthenticatedUser()).toBe(t.tenant.admin.user.id);
    const doc = await global.openDoc(appId);
    const object = await doc.createSessionObject(CUBE);
    expect(texts((await object.getLayout()).qHyperCube.qDataPages[0].qMatrix)).toEqual([
      ['North', '17'],
      ['South', '5'],
    ]);
    expect(await (await doc.getField('region')).selectValues([{ qText: 'South' }])).toBe(true);
    expect(texts((await object.getLayout()).qHyperCube.qDataPages[0].qMatrix)).toEqual([
      ['South', '5'],
    ]);
    expect(t.tenant.engineSessions()).toBe(1);
    await session.close();
    for (let tries = 0; tries < 100 && t.tenant.engineSessions() > 0; tries++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(t.tenant.engineSessions()).toBe(0);
  });

  it('enigma.js: a wrong key is refused on the upgrade', async () => {
    const session = enigma.create({
      schema,
      url: `${t.url.replace(/^http/, 'ws')}/app/${appId}`,
      createSocket: (url: string) => enigmaSocket(url, `${t.adminKey.slice(0, -4)}AAAA`),
    });
    await expect(session.open()).rejects.toBeTruthy();
    expect(t.tenant.engineSessions()).toBe(0);
  });

  it("@qlik/api's qix: openAppSession with authType apikey, select, layout, evaluate", async () => {
    auth.setDefaultHostConfig({ host: t.url, authType: 'apikey', apiKey: t.adminKey });
    const appSession = qix.openAppSession({ appId });
    const doc = await appSession.getDoc();
    expect((await doc.getAppLayout()).qTitle).toBe('Sales');
    expect(await doc.evaluate('Sum(amount)')).toBe('22');
    const object = await doc.createSessionObject(CUBE);
    const before = await object.getLayout();
    expect(texts(before.qHyperCube!.qDataPages![0]!.qMatrix!)).toEqual([
      ['North', '17'],
      ['South', '5'],
    ]);
    const field = await doc.getField('region');
    expect(await field.selectValues([{ qText: 'North' }])).toBe(true);
    expect(await doc.evaluate('Sum(amount)')).toBe('17');
    await appSession.close();
    for (let tries = 0; tries < 100 && t.tenant.engineSessions() > 0; tries++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(t.tenant.engineSessions()).toBe(0);
  });
});
