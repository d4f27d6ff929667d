import WebSocket from 'ws';
import { openSession, type Global, type SocketCloseEvent } from '@qlikit/qix';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyToken } from '../src/auth/apiKeyToken.js';
import { newId } from '../src/storage/newId.js';
import { upgradeStatus } from './helpers/engineSocket.js';
import { openApp } from './helpers/qixSession.js';
import { startFixture, type TenantFixture } from './helpers/tenantFixture.js';

/** A session on an engine socket URL, without opening any app. */
async function engineGlobal(
  url: string,
  key: string,
): Promise<{ global: Global; close(): Promise<SocketCloseEvent> }> {
  const session = openSession({
    url,
    createSocket: (socketUrl) =>
      new WebSocket(socketUrl, { headers: { Authorization: `Bearer ${key}` } }),
    reconnect: false,
  });
  return { global: await session.open(), close: () => session.close() };
}

const denied = { code: 5 };

describe('what a space role allows on the engine socket', () => {
  let t: TenantFixture;
  let spaceId: string;
  let appId: string;
  let privateId: string;
  let consumer: { user: { id: string }; key: string };
  let producer: { user: { id: string }; key: string };

  beforeAll(async () => {
    t = await startFixture();
    consumer = t.user('consumer');
    producer = t.user('producer');
    spaceId = (await t.call('POST', '/api/v1/spaces', { body: { name: 'Ops', type: 'shared' } }))
      .body.id;
    appId = (
      await t.call('POST', '/api/v1/apps', { body: { attributes: { name: 'Ops app', spaceId } } })
    ).body.attributes.id;
    await t.call('PUT', `/api/v1/apps/${appId}/scripts`, {
      body: { script: 'T: LOAD * INLINE [a\n1\n2];' },
    });
    for (const [who, role] of [
      [consumer, 'consumer'],
      [producer, 'producer'],
    ] as const) {
      await t.call('POST', `/api/v1/spaces/${spaceId}/assignments`, {
        body: { type: 'user', assigneeId: who.user.id, roles: [role] },
      });
    }
    privateId = (
      await t.call('POST', '/api/v1/apps', {
        key: producer.key,
        body: { attributes: { name: 'Private' } },
      })
    ).body.attributes.id;
  });
  afterAll(() => t.close());

  it('lets a consumer select and compute, but not reload, change the script, save or add objects', async () => {
    const { doc, close } = await openApp(t.url, consumer.key, appId);
    try {
      const object = await doc.createSessionObject({
        qInfo: { qType: 'probe' },
        qListObjectDef: { qDef: { qFieldDefs: ['a'] } },
      });
      await object.setProperties({
        qInfo: { qId: object.id, qType: 'probe' },
        qListObjectDef: { qDef: { qFieldDefs: ['a'] } },
      });
      expect(await doc.evaluate('1+1')).toBe('2');
      await expect(doc.doReload()).rejects.toMatchObject(denied);
      await expect(doc.setScript('T: LOAD 1 AS b AUTOGENERATE 1;')).rejects.toMatchObject(denied);
      await expect(doc.doSave()).rejects.toMatchObject(denied);
      await expect(
        doc.createObject({ qInfo: { qType: 'sheet' }, qMetaDef: { title: 'mine' } }),
      ).rejects.toMatchObject(denied);
      await expect(
        doc.createMeasure({ qInfo: { qType: 'measure' }, qMeasure: { qDef: 'Sum(a)' } }),
      ).rejects.toMatchObject(denied);
    } finally {
      await close();
    }
  });

  it('lets a producer change an app it does not own, but not its script or reload it', async () => {
    const { doc, close } = await openApp(t.url, producer.key, appId);
    try {
      const sheet = await doc.createObject({ qInfo: { qType: 'sheet' }, qMetaDef: { title: 's' } });
      expect(sheet.id).toBeTruthy();
      await expect(doc.doReload()).rejects.toMatchObject(denied);
      await expect(doc.setScript('T: LOAD 1 AS b AUTOGENERATE 1;')).rejects.toMatchObject(denied);
    } finally {
      await close();
    }
  });

  it('keeps other apps out of reach of a socket opened for one app, or for none', async () => {
    const ws = t.url.replace('http', 'ws');
    for (const path of [`/app/${appId}`, '/app/', '/app/engineData']) {
      const { global, close } = await engineGlobal(`${ws}${path}`, consumer.key);
      try {
        await expect(global.openDoc(privateId)).rejects.toMatchObject(denied);
        await expect(global.createSessionAppFromApp(privateId)).rejects.toMatchObject(denied);
        await expect(global.deleteApp(privateId)).rejects.toMatchObject(denied);
        await expect(global.deleteApp(appId)).rejects.toMatchObject(denied);
        await expect(global.copyApp(appId, appId, [])).rejects.toMatchObject(denied);
        await expect(global.createApp('Sneaky')).rejects.toMatchObject(denied);
        const listed = (await global.getDocList()).map((entry) => entry.qDocId);
        expect(listed).toContain(appId);
        expect(listed).not.toContain(privateId);
      } finally {
        await close();
      }
    }
    // The app is still there, unchanged.
    expect((await t.call('GET', `/api/v1/apps/${privateId}`, { key: producer.key })).status).toBe(
      200,
    );
  });

  it('stops a socket at once when its key is revoked: no more reads or changes, no new socket', async () => {
    const developer = t.user('developer');
    await t.call('POST', `/api/v1/spaces/${spaceId}/assignments`, {
      body: { type: 'user', assigneeId: developer.user.id, roles: ['codeveloper'] },
    });
    const { doc, close } = await openApp(t.url, developer.key, appId);
    try {
      await doc.setScript('T: LOAD * INLINE [a\n1\n2\n3];');
      const keyId = JSON.parse(
        Buffer.from(developer.key.split('.')[1]!, 'base64url').toString(),
      ).jti;
      expect((await t.call('DELETE', `/api/v1/api-keys/${keyId}`)).status).toBe(204);
      await expect(doc.doReload()).rejects.toMatchObject(denied);
      await expect(doc.setScript('T: LOAD 1 AS b AUTOGENERATE 1;')).rejects.toMatchObject(denied);
      await expect(doc.evaluate('Count(a)')).rejects.toMatchObject(denied);
      expect(
        await upgradeStatus(`${t.url.replace('http', 'ws')}/app/${appId}`, {
          authorization: `Bearer ${developer.key}`,
        }),
      ).toBe(401);
    } finally {
      await close();
    }
  });

  it("lets anyone build and reload a session app of their own, and open a space app's copy they may open", async () => {
    const ws = t.url.replace('http', 'ws');
    const { global, close } = await engineGlobal(`${ws}/app/SessionApp_mine`, consumer.key);
    try {
      // The URL's session app is the socket's own, open from the start.
      const scratch = await global.getActiveDoc();
      await scratch.setScript('T: LOAD RecNo() AS n AUTOGENERATE 3;');
      expect(await scratch.doReload()).toBe(true);
      expect(await scratch.evaluate('Sum(n)')).toBe('6');
    } finally {
      await close();
    }
    const copy = await engineGlobal(`${ws}/app/engineData`, consumer.key);
    try {
      const doc = await copy.global.createSessionAppFromApp(appId);
      expect(await doc.doReload()).toBe(true);
    } finally {
      await copy.close();
    }
    expect(
      await upgradeStatus(`${ws}/app/${appId}/identity/second-tab`, {
        authorization: `Bearer ${consumer.key}`,
      }),
    ).toBe(101);
  });

  it('checks the newest credential of a resumed session, not the revoked one it began with', async () => {
    const resumer = t.user('resumer');
    await t.call('POST', `/api/v1/spaces/${spaceId}/assignments`, {
      body: { type: 'user', assigneeId: resumer.user.id, roles: ['consumer'] },
    });
    const { storage, signer, tenantId } = t.tenant.context;
    const second = storage.apiKeys.create({
      id: newId(),
      userId: resumer.user.id,
      createdBy: resumer.user.id,
      description: 'second',
      expiresAt: null,
    });
    const url = `${t.url.replace('http', 'ws')}/app/${appId}/ttl/60`;
    const first = await engineGlobal(url, resumer.key);
    await first.global.openDoc(appId);
    await first.close();
    const keyId = JSON.parse(Buffer.from(resumer.key.split('.')[1]!, 'base64url').toString()).jti;
    expect((await t.call('DELETE', `/api/v1/api-keys/${keyId}`)).status).toBe(204);
    const resumed = await engineGlobal(url, apiKeyToken(signer, second, tenantId));
    try {
      const doc = await resumed.global.getActiveDoc();
      expect(await doc.evaluate('1+1')).toBe('2');
    } finally {
      await resumed.close();
    }
  });
});
