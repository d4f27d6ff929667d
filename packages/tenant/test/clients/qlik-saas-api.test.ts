import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QlikSaaSApi } from 'qlik-saas-api';
import { startFixture, type TenantFixture } from '../helpers/tenantFixture.js';

/** qlik-saas-api 0.18 over http: its own `notSecure` option, the host with its port, a key as token. */
function clientFor(t: TenantFixture, token: string): QlikSaaSApi.client {
  return new QlikSaaSApi.client({
    host: t.url.replace(/^http:\/\//, ''),
    notSecure: true,
    authentication: { token },
  });
}

/** The message a promise rejects with (fails the test when it resolves). */
async function failure(promise: Promise<unknown>): Promise<string> {
  const outcome = await promise.then(
    () => new Error('expected the call to fail'),
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error) || outcome.message === 'expected the call to fail') throw outcome;
  return outcome.message;
}

describe('qlik-saas-api 0.18, unchanged, against the tenant', () => {
  let t: TenantFixture;
  let api: QlikSaaSApi.client;
  beforeAll(async () => {
    t = await startFixture();
    api = clientFor(t, t.adminKey);
  });
  afterAll(() => t.close());

  it('users, api keys and groups: me, lists, create', async () => {
    const me = await api.users.me();
    expect(me.details).toMatchObject({ id: t.tenant.admin.user.id, status: 'active' });
    const created = await api.users.create({
      tenantId: t.tenant.tenantId,
      subject: 'auth0|grace',
      name: 'Grace',
      email: 'grace@example.com',
    });
    expect(created.details).toMatchObject({ name: 'Grace', subject: 'auth0|grace' });
    const everyone = (await api.users.getAll()) as { details: { id: string } }[];
    expect(everyone.map((user) => user.details.id)).toEqual(
      expect.arrayContaining([me.details.id, created.details.id]),
    );
    const keys = (await api.apiKeys.getAll()) as { details: { sub: string; status: string } }[];
    expect(keys.some((key) => key.details.sub === me.details.id)).toBe(true);
    await api.groups.create({ name: 'Analysts', assignedRoles: [{ name: 'Developer' }] });
    const groups = (await api.groups.getAll()) as { details: { name: string } }[];
    expect(groups.map((group) => group.details.name)).toContain('Analysts');
  });

  it('spaces: create, list, update, assignments, remove', async () => {
    const space = await api.spaces.create({ name: 'Sales', type: 'shared' });
    expect(space.details).toMatchObject({ name: 'Sales', type: 'shared' });
    expect(await space.update({ description: 'Quarterly' })).toBe(200);
    const again = await api.spaces.get({ id: space.details.id });
    expect(again.details.description).toBe('Quarterly');
    const listed = (await api.spaces.getAll()) as { details: { id: string } }[];
    expect(listed.map((each) => each.details.id)).toContain(space.details.id);
    const { user } = t.user('Linus');
    await space.assignments.create({ type: 'user', assigneeId: user.id, roles: ['consumer'] });
    const assignments = (await space.assignments.getAll()) as {
      details: { assigneeId: string; roles: string[] };
    }[];
    expect(assignments.map((each) => each.details)).toEqual([
      expect.objectContaining({ assigneeId: user.id, roles: ['consumer'] }),
    ]);
    // qlik-saas-api sends Content-Type: application/json on a DELETE without a body.
    expect(await space.remove()).toBe(204);
    expect(await failure(api.spaces.get({ id: space.details.id }))).toMatch(/404/);
  });

  it('apps: create, get, update, script versions, reload, logs, metadata, export, import, remove', async () => {
    const app = await api.apps.create({ name: 'Orders' });
    const appId = app.details.resourceId;
    expect(app.details).toMatchObject({ name: 'Orders', resourceType: 'app' });
    expect((await api.apps.get({ id: appId })).details.resourceId).toBe(appId);
    expect(await app.update({ name: 'Orders 2', description: 'by region' })).toBe(200);
    expect(app.details).toMatchObject({ name: 'Orders 2', description: 'by region' });

    const script = 'Orders: LOAD * INLINE [region, amount\nNorth, 10\nSouth, 5\nNorth, 7];';
    expect(await app.setScript({ script, versionMessage: 'first' })).toBe(200);
    const versions = (await app.scriptVersions()) as { details: { versionMessage: string } }[];
    expect(versions.map((version) => version.details.versionMessage)).toEqual(['first']);

    const reload = await api.reloads.start({ appId });
    expect(reload.details).toMatchObject({ appId, status: 'QUEUED' });
    let status = reload.details.status;
    for (let tries = 0; tries < 100 && !['SUCCEEDED', 'FAILED'].includes(status); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = (await api.reloads.get({ id: reload.details.id })).details.status;
    }
    expect(status).toBe('SUCCEEDED');
    // Its getAll always sends `log`; a TenantAdmin may leave appId out, as the spec says.
    const reloads = (await api.reloads.getAll({ log: true })) as { details: { id: string } }[];
    expect(reloads.map((each) => each.details.id)).toContain(reload.details.id);
    const logs = (await app.reloadLogs()) as { reloadId: string; success: boolean }[];
    expect(logs).toEqual([expect.objectContaining({ reloadId: reload.details.id, success: true })]);
    const log = (await app.reloadLogContent({ reloadId: reload.details.id })) as unknown;
    expect(String(log)).toContain('Orders');
    const metadata = (await app.metaData()) as { fields: { name: string }[] };
    expect(metadata.fields.map((field) => field.name).sort()).toEqual(['amount', 'region']);

    const exported = await app.export();
    expect(exported.file.length).toBeGreaterThan(0);
    const imported = await api.apps.import({ file: exported.file, name: 'Orders imported' });
    expect(imported.details).toMatchObject({ name: 'Orders imported', resourceType: 'app' });
    const importedMeta = (await imported.metaData()) as { fields: { name: string }[] };
    expect(importedMeta.fields.map((field) => field.name).sort()).toEqual(['amount', 'region']);

    const items = (await api.items.getAll()) as { details: { resourceId: string } }[];
    expect(items.map((item) => item.details.resourceId)).toEqual(
      expect.arrayContaining([appId, imported.details.resourceId]),
    );
    expect(await app.remove()).toBe(200);
    expect(await failure(api.apps.get({ id: appId }))).toMatch(/not found/);
  });

  it('answers a wrong key with 401 and a consumer without the right with 403', async () => {
    const stranger = clientFor(t, `${t.adminKey.slice(0, -4)}AAAA`);
    expect(await failure(stranger.users.me())).toMatch(/401/);

    const space = await api.spaces.create({ name: 'Locked', type: 'shared' });
    const app = await api.apps.create({ name: 'Locked app', spaceId: space.details.id });
    const { user, key } = t.user('Viewer', []);
    await space.assignments.create({ type: 'user', assigneeId: user.id, roles: ['consumer'] });
    const viewer = clientFor(t, key);
    const seen = await viewer.apps.get({ id: app.details.resourceId });
    expect(seen.details.name).toBe('Locked app');
    expect(await failure(viewer.reloads.start({ appId: app.details.resourceId }))).toMatch(/403/);
  });
});
