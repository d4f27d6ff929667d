import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type TenantFixture } from './helpers/tenantFixture.js';

describe('users, groups and API keys', () => {
  let t: TenantFixture;
  beforeAll(async () => {
    t = await startFixture();
  });
  afterAll(() => t.close());

  it('issues a key as a JWT that works at once and stops at once when deleted', async () => {
    const dev = t.user('dev', ['Developer']);
    const created = await t.call('POST', '/api/v1/api-keys', {
      key: dev.key,
      body: { description: 'ci', expiry: 'P7D' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      description: 'ci',
      sub: dev.user.id,
      status: 'active',
      subType: 'user',
    });
    const token: string = created.body.token;
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({
      sub: dev.user.id,
      jti: created.body.id,
      aud: 'qlik.api',
      iss: 'qlik.api/api-keys',
    });
    expect(Date.parse(created.body.expiry) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect((await t.call('GET', '/api/v1/spaces', { key: token })).status).toBe(200);

    const list = await t.call('GET', '/api/v1/api-keys', { key: dev.key });
    expect(list.body.data.map((key: { id: string }) => key.id)).toContain(created.body.id);
    expect(list.body.data.every((key: { sub: string }) => key.sub === dev.user.id)).toBe(true);

    expect(
      (await t.call('DELETE', `/api/v1/api-keys/${created.body.id}`, { key: dev.key })).status,
    ).toBe(204);
    expect((await t.call('GET', '/api/v1/spaces', { key: token })).status).toBe(401);
  });

  it("lets an admin revoke another user's key, and refuses keys to users without the Developer role", async () => {
    const dev = t.user('dev2', ['Developer']);
    const created = await t.call('POST', '/api/v1/api-keys', {
      key: dev.key,
      body: { description: 'x' },
    });
    expect((await t.call('DELETE', `/api/v1/api-keys/${created.body.id}`)).status).toBe(204);
    expect((await t.call('GET', `/api/v1/api-keys/${created.body.id}`)).body.status).toBe(
      'revoked',
    );
    expect((await t.call('GET', '/api/v1/users/me', { key: created.body.token })).status).toBe(401);
    const plain = t.user('plain', []);
    expect(
      (await t.call('POST', '/api/v1/api-keys', { key: plain.key, body: { description: 'x' } }))
        .status,
    ).toBe(403);
  });

  it("enforces the tenant's key configuration", async () => {
    const config = await t.call('GET', `/api/v1/api-keys/configs/${t.tenant.tenantId}`);
    expect(config.body).toMatchObject({ max_keys_per_user: 5, max_api_key_expiry: 'P365D' });
    const patched = await t.call('PATCH', `/api/v1/api-keys/configs/${t.tenant.tenantId}`, {
      body: [{ op: 'replace', path: '/max_api_key_expiry', value: 'P30D' }],
    });
    expect(patched.status).toBe(204);
    const tooLong = await t.call('POST', '/api/v1/api-keys', {
      body: { description: 'x', expiry: 'P60D' },
    });
    expect(tooLong.status).toBe(400);
    expect(
      (await t.call('POST', '/api/v1/api-keys', { body: { description: 'x', expiry: 'soon' } }))
        .status,
    ).toBe(400);
  });

  it('creates users (admins only) and lists them with a filter', async () => {
    const created = await t.call('POST', '/api/v1/users', {
      body: {
        subject: 'idp|jane',
        name: 'Jane',
        email: 'jane@example.com',
        assignedRoles: [{ name: 'Developer' }],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.assignedRoles.map((role: { name: string }) => role.name)).toEqual([
      'Developer',
    ]);
    const found = await t.call(
      'GET',
      `/api/v1/users?filter=${encodeURIComponent('email eq "jane@example.com"')}`,
    );
    expect(found.body.data.map((user: { id: string }) => user.id)).toEqual([created.body.id]);
    expect(
      (await t.call('GET', `/api/v1/users?filter=${encodeURIComponent('name sw "J"')}`)).status,
    ).toBe(400);
    const dev = t.user('nonadmin', ['Developer']);
    expect(
      (await t.call('POST', '/api/v1/users', { key: dev.key, body: { subject: 'x|y' } })).status,
    ).toBe(403);
  });

  it('gives group members the roles their group holds in a space', async () => {
    const member = t.user('member', []);
    const group = await t.call('POST', '/api/v1/groups', { body: { name: 'Analysts' } });
    expect(group.status).toBe(201);
    const joined = await t.call('PATCH', `/api/v1/users/${member.user.id}`, {
      body: [
        {
          op: 'add',
          path: '/assignedGroups',
          value: [{ name: 'Analysts', providerType: 'custom' }],
        },
      ],
    });
    expect(joined.status).toBe(204);
    const space = await t.call('POST', '/api/v1/spaces', {
      body: { name: 'Analytics', type: 'shared' },
    });
    expect(
      (await t.call('GET', `/api/v1/spaces/${space.body.id}`, { key: member.key })).status,
    ).toBe(404);
    await t.call('POST', `/api/v1/spaces/${space.body.id}/assignments`, {
      body: { type: 'group', assigneeId: group.body.id, roles: ['consumer'] },
    });
    const seen = await t.call('GET', `/api/v1/spaces/${space.body.id}`, { key: member.key });
    expect(seen.status).toBe(200);
    expect(seen.body.meta.roles).toEqual(['consumer']);
    const user = await t.call('GET', `/api/v1/users/${member.user.id}`);
    expect(user.body.assignedGroups.map((g: { name: string }) => g.name)).toEqual(['Analysts']);
  });
});
