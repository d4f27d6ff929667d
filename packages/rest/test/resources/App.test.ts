import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
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
    const created = await apps(client).create({ name: 'Sales' });
    const read = await apps(client).get({ id: created.id });
    expect(read.id).toBe(created.id);
    expect(read.name).toBe('Sales');
  });

  it('adds an app to a space and removes it again', async () => {
    const app = await apps(client).create({ name: 'Spaced' });
    await app.addToSpace({ spaceId: 'space-9' });
    expect(tenant.state.apps.get(app.id)?.spaceId).toBe('space-9');
    const put = tenant.requests.at(-1);
    expect(put?.method).toBe('PUT');
    expect(JSON.parse(put?.body.toString('utf8') ?? '')).toEqual({ spaceId: 'space-9' });
    await app.removeFromSpace();
    expect(tenant.state.apps.get(app.id)?.spaceId).toBeUndefined();
  });

  it('copies and publishes, returning the new apps', async () => {
    const app = await apps(client).create({ name: 'Original' });
    const copy = await app.copy({ name: 'Copy' });
    expect(copy.id).not.toBe(app.id);
    expect(copy.name).toBe('Copy');
    const published = await app.publish({ spaceId: 'managed-1' });
    expect(published.details.attributes?.published).toBe(true);
    expect(tenant.state.apps.get(published.id)?.spaceId).toBe('managed-1');
  });

  it('exports by following the Location of the export to a streamed download', async () => {
    const app = await apps(client).create({ name: 'Exported' });
    const download = await app.export({ noData: true });
    expect(download.filename).toMatch(/\.qvf$/);
    expect(await download.text()).toBe(`QVF:${app.id}`);
    const [exportCall, fileCall] = tenant.requests.slice(-2);
    expect(exportCall.rawUrl).toBe(`/api/v1/apps/${app.id}/export?NoData=true`);
    expect(fileCall.url.pathname).toMatch(/^\/api\/v1\/temp-contents\//);
  });

  it('imports a .qvf streamed from bytes', async () => {
    const app = await apps(client).import({
      file: new TextEncoder().encode('QVF-bytes'),
      name: 'Imported',
    });
    expect(app.name).toBe('Imported');
    expect(tenant.state.apps.get(app.id)?.qvf.toString('utf8')).toBe('QVF-bytes');
  });

  it('reloads and waits until the reload has ended, returning its status and log', async () => {
    const app = await apps(client).create({ name: 'Reloaded' });
    const reload = await app.reload({}, { intervalMs: 1 });
    expect(reload.status).toBe('SUCCEEDED');
    expect(reload.succeeded).toBe(true);
    expect(reload.log).toBe(`reload of ${app.id}: SUCCEEDED`);
    expect(tenant.state.reloads.get(reload.id)?.polls).toBe(2);
  });

  it('returns a failed reload with its log instead of waiting forever', async () => {
    const app = await apps(client).create({ name: 'broken app' });
    const reload = await app.reload({ partial: true }, { intervalMs: 1 });
    expect(reload.status).toBe('FAILED');
    expect(reload.finished).toBe(true);
    expect(reload.log).toContain('FAILED');
    const again = await reloads(client).get({ id: reload.id });
    expect(again.details.appId).toBe(app.id);
  });

  it('stops waiting for a reload when the signal aborts', async () => {
    const app = await apps(client).create({ name: 'Slow' });
    const started = await reloads(client).start({ appId: app.id });
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
    const app = await apps(client).create({ name: 'Twice' });
    await app.reload({}, { intervalMs: 1 });
    await app.reload({}, { intervalMs: 1 });
    const listed = [];
    for await (const reload of reloads(client).list({ appId: app.id, limit: 1 }))
      listed.push(reload);
    expect(listed).toHaveLength(2);
    expect(listed.every((reload) => reload.details.appId === app.id && reload.succeeded)).toBe(
      true,
    );
  });

  it('deletes the app; reading it then fails with the API error code', async () => {
    const app = await apps(client).create({ name: 'Doomed' });
    await app.delete();
    expect(tenant.state.apps.has(app.id)).toBe(false);
    await expect(apps(client).get({ id: app.id })).rejects.toMatchObject({
      code: 'HTTP-404',
      status: 404,
    });
  });
});
