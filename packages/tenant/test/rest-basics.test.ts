import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type TenantFixture } from './helpers/tenantFixture.js';

describe('the tenant REST API', () => {
  let t: TenantFixture;
  beforeAll(async () => {
    t = await startFixture();
  });
  afterAll(() => t.close());

  it("answers 401 with Qlik's error body and a trace header without credentials", async () => {
    const { status, headers, body } = await t.call('GET', '/api/v1/items', { key: null });
    expect(status).toBe(401);
    expect(body.errors[0]).toMatchObject({ code: 'HTTP-401', status: '401' });
    expect(body.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(headers.get('x-b3-traceid')).toBe(body.traceId);
  });

  it('refuses a key it did not sign, and unknown schemes', async () => {
    const forged = t.adminKey.slice(0, -4) + (t.adminKey.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await t.call('GET', '/api/v1/items', { key: forged })).status).toBe(401);
    const basic = await t.call('GET', '/api/v1/items', {
      key: null,
      headers: { authorization: 'Basic eDp5' },
    });
    expect(basic.status).toBe(401);
  });

  it("redirects /users/me to the caller's user, as the spec says", async () => {
    const me = await t.call('GET', '/api/v1/users/me');
    expect(me.status).toBe(301);
    const location = me.headers.get('location')!;
    expect(location).toBe(`${t.url}/api/v1/users/${t.tenant.admin.user.id}`);
    const user = await t.call('GET', new URL(location).pathname);
    expect(user.body).toMatchObject({
      id: t.tenant.admin.user.id,
      name: 'Admin',
      status: 'active',
    });
    expect(user.body.assignedRoles.map((role: { name: string }) => role.name)).toContain(
      'TenantAdmin',
    );
  });

  it("answers 501 with Qlik's error body for a spec operation it does not implement, and 404 for none", async () => {
    const notImplemented = await t.call('GET', '/api/v1/brands');
    expect(notImplemented.status).toBe(501);
    expect(notImplemented.body.errors[0]).toMatchObject({ code: 'HTTP-501', status: '501' });
    expect(notImplemented.body.errors[0].detail).toContain('GET /api/v1/brands');
    const unknown = await t.call('GET', '/api/v1/no-such-service');
    expect(unknown.status).toBe(404);
    // Credentials come first, as on Qlik Cloud.
    expect((await t.call('GET', '/api/v1/brands', { key: null })).status).toBe(401);
  });

  it("validates requests against the spec's schemas", async () => {
    const missing = await t.call('POST', '/api/v1/spaces', { body: { name: 'x' } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].detail).toMatch(/type/);
    const wrongEnum = await t.call('POST', '/api/v1/spaces', {
      body: { name: 'x', type: 'personal' },
    });
    expect(wrongEnum.status).toBe(400);
    const notJson = await t.call('POST', '/api/v1/spaces', {
      headers: { 'content-type': 'application/json' },
      body: undefined,
      key: undefined,
    });
    expect(notJson.status).toBe(400);
  });

  it('creates spaces, apps in them, and lists and pages them as items', async () => {
    const space = await t.call('POST', '/api/v1/spaces', {
      body: { name: 'Sales', type: 'shared' },
    });
    expect(space.status).toBe(201);
    expect(space.body).toMatchObject({
      name: 'Sales',
      type: 'shared',
      ownerId: t.tenant.admin.user.id,
    });
    expect(
      (await t.call('POST', '/api/v1/spaces', { body: { name: 'sales', type: 'shared' } })).status,
    ).toBe(409);
    const ids: string[] = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      const app = await t.call('POST', '/api/v1/apps', {
        body: { attributes: { name, spaceId: space.body.id } },
      });
      expect(app.status).toBe(200);
      expect(app.body.attributes).toMatchObject({
        name,
        spaceId: space.body.id,
        ownerId: t.tenant.admin.user.id,
      });
      expect(app.body.privileges).toEqual(
        expect.arrayContaining(['read', 'update', 'delete', 'reload']),
      );
      ids.push(app.body.attributes.id);
    }
    const seen: string[] = [];
    let next: string | undefined =
      `/api/v1/items?resourceType=app&spaceId=${space.body.id}&limit=2&sort=-name`;
    while (next) {
      const page = await t.call('GET', next);
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((item: { name: string }) => item.name));
      next =
        page.body.links.next &&
        new URL(page.body.links.next.href).pathname + new URL(page.body.links.next.href).search;
    }
    expect(seen).toEqual(['e', 'd', 'c', 'b', 'a']);
    const item = (await t.call('GET', `/api/v1/items?resourceType=app&name=c`)).body.data[0];
    expect(item).toMatchObject({ resourceId: ids[2], resourceType: 'app', spaceId: space.body.id });
    expect(item.resourceAttributes).toMatchObject({ id: ids[2], name: 'c' });

    expect((await t.call('DELETE', `/api/v1/apps/${ids[0]}`)).status).toBe(200);
    expect((await t.call('GET', `/api/v1/apps/${ids[0]}`)).status).toBe(404);
  });
});
