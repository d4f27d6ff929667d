import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { App } from '../../src/resources/App.js';
import { apps } from '../../src/resources/AppCollection.js';
import { reloads } from '../../src/resources/ReloadCollection.js';
import { startTinyTenant, type TinyTenant } from './support/tinyTenant.js';

describe('App objects', () => {
  let tenant: TinyTenant;
  let client: ReturnType<typeof createClient>;

  beforeAll(async () => {
    tenant = await startTinyTenant();
    client = createClient({ host: tenant.url, auth: 'key', retry: false });
  });
  afterAll(() => tenant.close());

  it('creates an app and reads it back by id', async () => {
    const created = await apps(client).create({ body: { attributes: { name: 'Sales' } } });
    const read = await apps(client).get({ appId: created.id });
    expect(read.id).toBe(created.id);
    expect(read.name).toBe('Sales');
  });

  it('adds an app to a space and removes it again', async () => {
    const app = await apps(client).create({ body: { attributes: { name: 'Spaced' } } });
    await app.updateSpace({ body: { spaceId: 'space-9' } });
    expect(tenant.state.apps.get(app.id)?.spaceId).toBe('space-9');
    const put = tenant.requests.at(-1);
    expect(put?.method).toBe('PUT');
    expect(JSON.parse(put?.body.toString('utf8') ?? '')).toEqual({ spaceId: 'space-9' });
    await app.deleteSpace();
    expect(tenant.state.apps.get(app.id)?.spaceId).toBeUndefined();
  });

  it('copies and publishes, returning the new apps', async () => {
    const app = await apps(client).create({ body: { attributes: { name: 'Original' } } });
    const copy = await app.copy({ body: { attributes: { name: 'Copy' } } });
    expect(copy.id).not.toBe(app.id);
    expect(copy.name).toBe('Copy');
    const published = await app.publish({ body: { spaceId: 'managed-1' } });
    expect(published.details.attributes?.published).toBe(true);
    expect(tenant.state.apps.get(published.id)?.spaceId).toBe('managed-1');
  });

  it('exports by following the Location of the export to a streamed download', async () => {
    const app = await apps(client).create({ body: { attributes: { name: 'Exported' } } });
    const download = await app.export({ NoData: true });
    expect(download.filename).toMatch(/\.qvf$/);
    expect(await download.text()).toBe(`QVF:${app.id}`);
    const [exportCall, fileCall] = tenant.requests.slice(-2);
    expect(exportCall.rawUrl).toBe(`/api/v1/apps/${app.id}/export?NoData=true`);
    expect(fileCall.url.pathname).toMatch(/^\/api\/v1\/temp-contents\//);
  });

  it("hands a generated call's status and headers to withResponse(), e.g. the Location of a 201", async () => {
    const app = await apps(client).create({ body: { attributes: { name: 'Located' } } });
    const exported = await client.apps.export({ appId: app.id }).withResponse();
    expect(exported.status).toBe(201);
    expect(exported.data).toBeUndefined();
    expect(exported.headers.get('location')).toMatch(/^\/api\/v1\/temp-contents\//);
    const read = await client.apps.get({ appId: app.id }).withResponse();
    expect([read.status, read.data.attributes?.name]).toEqual([200, 'Located']);
  });

  it('imports a .qvf streamed from bytes', async () => {
    const app = await apps(client).import({
      body: new TextEncoder().encode('QVF-bytes'),
      name: 'Imported',
    });
    expect(app.name).toBe('Imported');
    expect(tenant.state.apps.get(app.id)?.qvf.toString('utf8')).toBe('QVF-bytes');
  });

  it('reloads and waits until the reload has ended, returning its status and log', async () => {
    const app = await apps(client).create({ body: { attributes: { name: 'Reloaded' } } });
    const reload = await app.reload({ wait: { intervalMs: 1 } });
    expect(reload.status).toBe('SUCCEEDED');
    expect(reload.succeeded).toBe(true);
    expect(reload.log).toBe(`reload of ${app.id}: SUCCEEDED`);
    expect(tenant.state.reloads.get(reload.id)?.polls).toBe(2);
  });

  it('returns a failed reload with its log instead of waiting forever', async () => {
    const app = await apps(client).create({ body: { attributes: { name: 'broken app' } } });
    const reload = await app.reload({ body: { partial: true }, wait: { intervalMs: 1 } });
    expect(reload.status).toBe('FAILED');
    expect(reload.finished).toBe(true);
    expect(reload.log).toContain('FAILED');
    const again = await reloads(client).get({ reloadId: reload.id });
    expect(again.details.appId).toBe(app.id);
  });

  it('stops waiting for a reload when the signal aborts', async () => {
    const app = await apps(client).create({ body: { attributes: { name: 'Slow' } } });
    const started = await reloads(client).create({ body: { appId: app.id } });
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(started.wait({ intervalMs: 1, signal: controller.signal })).rejects.toThrow(
      'stop',
    );
    expect(started.status).toBe('QUEUED');
  });

  it('lists apps through the items API as App objects', async () => {
    tenant.state.items.set('item-a', {
      name: 'Listed A',
      resourceType: 'app',
      resourceId: 'app-a',
      resourceAttributes: { name: 'Listed A' },
    });
    tenant.state.items.set('item-n', {
      name: 'A note',
      resourceType: 'note',
      resourceId: 'note-1',
    });
    tenant.state.items.set('item-b', {
      name: 'Listed B',
      resourceType: 'app',
      resourceId: 'app-b',
      resourceAttributes: { name: 'Listed B' },
    });
    const listed = [];
    for await (const app of apps(client).list({ limit: 1 })) listed.push(app);
    expect(listed.map((app) => [app.id, app.name])).toEqual([
      ['app-a', 'Listed A'],
      ['app-b', 'Listed B'],
    ]);
    expect(tenant.requests.at(-1)?.url.searchParams.get('resourceType')).toBe('app');
  });

  it('lists the reloads of an app as Reload objects', async () => {
    const app = await apps(client).create({ body: { attributes: { name: 'Twice' } } });
    await app.reload({ wait: { intervalMs: 1 } });
    await app.reload({ wait: { intervalMs: 1 } });
    const listed = [];
    for await (const reload of reloads(client).list({ appId: app.id, limit: 1 }))
      listed.push(reload);
    expect(listed).toHaveLength(2);
    expect(listed.every((reload) => reload.details.appId === app.id && reload.succeeded)).toBe(
      true,
    );
  });

  it('pages like the generated lists: await for the first page, .pages(), .all()', async () => {
    for (const id of ['p-1', 'p-2', 'p-3'])
      tenant.state.items.set(`item-${id}`, { name: id, resourceType: 'app', resourceId: id });
    const firstPage = await apps(client).list({ limit: 2 });
    expect(firstPage.data).toHaveLength(2);
    let pages = 0;
    for await (const page of apps(client).list({ limit: 2 }).pages()) pages += page.data.length;
    const all = await apps(client).list({ limit: 2 }).all();
    expect(all.length).toBe(pages);
    expect(all.map((app) => app.id)).toEqual(expect.arrayContaining(['p-1', 'p-2', 'p-3']));
    expect(all.every((app) => app instanceof App)).toBe(true);
  });

  it('deletes the app; reading it then fails with the API error code', async () => {
    const app = await apps(client).create({ body: { attributes: { name: 'Doomed' } } });
    await app.delete();
    expect(tenant.state.apps.has(app.id)).toBe(false);
    await expect(apps(client).get({ appId: app.id })).rejects.toMatchObject({
      code: 'HTTP-404',
      status: 404,
    });
  });
});
