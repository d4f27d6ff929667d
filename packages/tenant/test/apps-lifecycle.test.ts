import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cubeRows, openApp } from './helpers/qixSession.js';
import { startFixture, type TenantFixture } from './helpers/tenantFixture.js';
import { waitFor } from './helpers/waitFor.js';

const SCRIPT = `Sales: LOAD * INLINE [region, amount
north, 10
south, 5
north, 7];`;

describe('app lifecycle: scripts, reloads, export/import, publish', () => {
  let t: TenantFixture;
  let spaceId: string;
  let appId: string;

  const reload = async (id: string, key?: string) => {
    const queued = await t.call('POST', '/api/v1/reloads', { key, body: { appId: id } });
    expect(queued.status).toBe(201);
    expect(queued.body).toMatchObject({ appId: id, status: 'QUEUED', type: 'external' });
    return waitFor(
      async () => (await t.call('GET', `/api/v1/reloads/${queued.body.id}`)).body,
      (body) => ['SUCCEEDED', 'FAILED', 'CANCELED'].includes(body.status),
    );
  };
  const rows = async (id: string) => {
    const { doc, close } = await openApp(t.url, t.adminKey, id);
    try {
      return await cubeRows(doc, 'region', 'Sum(amount)');
    } finally {
      await close();
    }
  };

  beforeAll(async () => {
    t = await startFixture({ reloadConcurrency: 1 });
    spaceId = (await t.call('POST', '/api/v1/spaces', { body: { name: 'Dev', type: 'shared' } }))
      .body.id;
    appId = (
      await t.call('POST', '/api/v1/apps', { body: { attributes: { name: 'Sales', spaceId } } })
    ).body.attributes.id;
  });
  afterAll(() => t.close());

  it('keeps script versions and reloads through the queue, with the log', async () => {
    const saved = await t.call('POST', `/api/v1/apps/${appId}/scripts`, {
      body: { script: SCRIPT, versionMessage: 'first' },
    });
    expect(saved.status).toBe(200);
    const versions = await t.call('GET', `/api/v1/apps/${appId}/scripts`);
    expect(versions.body.scripts).toEqual([
      expect.objectContaining({ scriptId: saved.body.scriptId, versionMessage: 'first' }),
    ]);
    expect(
      (await t.call('GET', `/api/v1/apps/${appId}/scripts/${saved.body.scriptId}`)).body.script,
    ).toBe(SCRIPT);

    const done = await reload(appId);
    expect(done).toMatchObject({ status: 'SUCCEEDED' });
    expect(done.log).toMatch(/Sales/);
    expect(await rows(appId)).toEqual([
      ['north', '17'],
      ['south', '5'],
    ]);
    const app = await t.call('GET', `/api/v1/apps/${appId}`);
    expect(app.body.attributes.lastReloadTime).toBe(done.endTime);
    const logs = await t.call('GET', `/api/v1/apps/${appId}/reloads/logs`);
    expect(logs.body.data[0]).toMatchObject({ reloadId: done.id, success: true });
    const text = await fetch(`${t.url}/api/v1/apps/${appId}/reloads/logs/${done.id}`, {
      headers: { authorization: `Bearer ${t.adminKey}` },
    });
    expect(await text.text()).toBe(done.log);
    const listed = await t.call('GET', `/api/v1/reloads?appId=${appId}`);
    expect(listed.body.data.map((r: { id: string }) => r.id)).toEqual([done.id]);
    const metadata = await t.call('GET', `/api/v1/apps/${appId}/data/metadata`);
    expect(metadata.body.tables).toEqual([
      expect.objectContaining({ name: 'Sales', no_of_rows: 3, no_of_fields: 2 }),
    ]);
  });

  it('leaves the app as it was when a reload fails', async () => {
    await t.call('POST', `/api/v1/apps/${appId}/scripts`, {
      body: { script: 'T: LOAD * FROM [lib://DataFiles/missing.csv] (txt);' },
    });
    const failed = await reload(appId);
    expect(failed.status).toBe('FAILED');
    expect(failed.errorMessage).toBeTruthy();
    expect(await rows(appId)).toEqual([
      ['north', '17'],
      ['south', '5'],
    ]);
    await t.call('POST', `/api/v1/apps/${appId}/scripts`, { body: { script: SCRIPT } });
  });

  it('reloads into the app a session has open, and unloads it from the engine after the last session', async () => {
    const shared = (
      await t.call('POST', '/api/v1/apps', { body: { attributes: { name: 'Shared', spaceId } } })
    ).body.attributes.id;
    const { engineApps } = t.tenant.context;
    await t.call('POST', `/api/v1/apps/${shared}/scripts`, { body: { script: SCRIPT } });
    expect((await reload(shared)).status).toBe('SUCCEEDED');
    // Neither the REST calls nor the queued reload keep the app loaded.
    await waitFor(
      async () => engineApps.isLoaded(shared),
      (loaded) => !loaded,
    );
    const session = await openApp(t.url, t.adminKey, shared);
    expect(engineApps.isLoaded(shared)).toBe(true);
    await t.call('POST', `/api/v1/apps/${shared}/scripts`, {
      body: { script: `Sales: LOAD * INLINE [region, amount\neast, 4];` },
    });
    expect((await reload(shared)).status).toBe('SUCCEEDED');
    // The reload ran in the instance the session has open: the session sees its data at once.
    expect(await cubeRows(session.doc, 'region', 'Sum(amount)')).toEqual([['east', '4']]);
    await session.close();
    await waitFor(
      async () => engineApps.isLoaded(shared),
      (loaded) => !loaded,
    );
    expect(await rows(shared)).toEqual([['east', '4']]);
  });

  it('cancels a queued reload, and refuses reloads to consumers', async () => {
    const other = (
      await t.call('POST', '/api/v1/apps', { body: { attributes: { name: 'Slow', spaceId } } })
    ).body.attributes.id;
    await t.call('POST', `/api/v1/apps/${other}/scripts`, {
      body: { script: `T: LOAD RecNo() AS n AUTOGENERATE 3000000;` },
    });
    const first = await t.call('POST', '/api/v1/reloads', { body: { appId: other } });
    const second = await t.call('POST', '/api/v1/reloads', { body: { appId } });
    const canceled = await t.call('POST', `/api/v1/reloads/${second.body.id}/actions/cancel`);
    expect(canceled.status).toBe(204);
    expect((await t.call('GET', `/api/v1/reloads/${second.body.id}`)).body.status).toBe('CANCELED');
    await waitFor(
      async () => (await t.call('GET', `/api/v1/reloads/${first.body.id}`)).body.status,
      (status) => status === 'SUCCEEDED' || status === 'FAILED',
      60_000,
    );
    const consumer = t.user('viewer', []);
    await t.call('POST', `/api/v1/spaces/${spaceId}/assignments`, {
      body: { type: 'user', assigneeId: consumer.user.id, roles: ['consumer'] },
    });
    expect(
      (await t.call('POST', '/api/v1/reloads', { key: consumer.key, body: { appId } })).status,
    ).toBe(403);
  });

  it('exports an app to a temp content and imports it back as a new app', async () => {
    const exported = await t.call('POST', `/api/v1/apps/${appId}/export`);
    expect(exported.status).toBe(201);
    const location: string = exported.headers.get('location')!;
    expect(location).toMatch(/^\/api\/v1\/temp-contents\/[0-9a-f]{24}$/);
    const fileId = location.split('/').pop();
    const imported = await t.call(
      'POST',
      `/api/v1/apps/import?fileId=${fileId}&name=Copy&spaceId=${spaceId}`,
    );
    expect(imported.status).toBe(200);
    expect(imported.body.attributes).toMatchObject({ name: 'Copy', spaceId });
    expect(await rows(imported.body.attributes.id)).toEqual([
      ['north', '17'],
      ['south', '5'],
    ]);
    const body = await (
      await fetch(`${t.url}${location}`, { headers: { authorization: `Bearer ${t.adminKey}` } })
    ).arrayBuffer();
    const direct = await fetch(`${t.url}/api/v1/apps/import?name=Direct`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${t.adminKey}`,
        'content-type': 'application/octet-stream',
      },
      body,
    });
    expect(direct.status).toBe(200);
    const garbage = await fetch(`${t.url}/api/v1/apps/import`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${t.adminKey}`,
        'content-type': 'application/octet-stream',
      },
      body: 'PK\u0003\u0004 not an app',
    });
    expect(garbage.status).toBe(400);
  });

  it('publishes to a managed space and republishes', async () => {
    const managed = (
      await t.call('POST', '/api/v1/spaces', { body: { name: 'Production', type: 'managed' } })
    ).body.id;
    const published = await t.call('POST', `/api/v1/apps/${appId}/publish`, {
      body: { spaceId: managed },
    });
    expect(published.status).toBe(200);
    expect(published.body.attributes).toMatchObject({
      published: true,
      originAppId: appId,
      spaceId: managed,
    });
    const publishedId = published.body.attributes.id;
    await t.call('POST', `/api/v1/apps/${appId}/scripts`, {
      body: { script: `Sales: LOAD * INLINE [region, amount\nwest, 1];` },
    });
    expect((await reload(appId)).status).toBe('SUCCEEDED');
    expect(await rows(publishedId)).toEqual([
      ['north', '17'],
      ['south', '5'],
    ]);
    const republished = await t.call('PUT', `/api/v1/apps/${appId}/publish`, {
      body: { targetId: publishedId },
    });
    expect(republished.status).toBe(200);
    expect(await rows(publishedId)).toEqual([['west', '1']]);
  });
});
