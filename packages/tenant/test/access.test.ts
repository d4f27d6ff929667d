import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upgradeStatus } from './helpers/engineSocket.js';
import { startFixture, type TenantFixture } from './helpers/tenantFixture.js';

describe('space roles and personal spaces', () => {
  let t: TenantFixture;
  let spaceId: string;
  let appId: string;
  let consumer: { user: { id: string }; key: string };
  let producer: { user: { id: string }; key: string };
  let outsider: { user: { id: string }; key: string };

  beforeAll(async () => {
    t = await startFixture();
    consumer = t.user('consumer');
    producer = t.user('producer');
    outsider = t.user('outsider');
    spaceId = (await t.call('POST', '/api/v1/spaces', { body: { name: 'Team', type: 'shared' } }))
      .body.id;
    appId = (
      await t.call('POST', '/api/v1/apps', { body: { attributes: { name: 'Team app', spaceId } } })
    ).body.attributes.id;
    for (const [who, role] of [
      [consumer, 'consumer'],
      [producer, 'producer'],
    ] as const) {
      const assigned = await t.call('POST', `/api/v1/spaces/${spaceId}/assignments`, {
        body: { type: 'user', assigneeId: who.user.id, roles: [role] },
      });
      expect(assigned.status).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('lets a consumer see and open an app but not change or delete it', async () => {
    const app = await t.call('GET', `/api/v1/apps/${appId}`, { key: consumer.key });
    expect(app.status).toBe(200);
    expect(app.body.privileges).toEqual(['read']);
    expect(
      (
        await t.call('PUT', `/api/v1/apps/${appId}`, {
          key: consumer.key,
          body: { attributes: { name: 'x' } },
        })
      ).status,
    ).toBe(403);
    expect((await t.call('DELETE', `/api/v1/apps/${appId}`, { key: consumer.key })).status).toBe(
      403,
    );
    expect(
      await upgradeStatus(`${t.url.replace('http', 'ws')}/app/${appId}`, {
        authorization: `Bearer ${consumer.key}`,
      }),
    ).toBe(101);
  });

  it('lets a producer change apps and create them in the space, but not manage members', async () => {
    const renamed = await t.call('PUT', `/api/v1/apps/${appId}`, {
      key: producer.key,
      body: { attributes: { name: 'Renamed' } },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.attributes.name).toBe('Renamed');
    const created = await t.call('POST', '/api/v1/apps', {
      key: producer.key,
      body: { attributes: { name: 'Mine', spaceId } },
    });
    expect(created.status).toBe(200);
    const assign = await t.call('POST', `/api/v1/spaces/${spaceId}/assignments`, {
      key: producer.key,
      body: { type: 'user', assigneeId: outsider.user.id, roles: ['consumer'] },
    });
    expect(assign.status).toBe(403);
  });

  it('hides a space and its apps from non-members (404) and refuses their engine socket (403)', async () => {
    expect((await t.call('GET', `/api/v1/spaces/${spaceId}`, { key: outsider.key })).status).toBe(
      404,
    );
    expect((await t.call('GET', `/api/v1/apps/${appId}`, { key: outsider.key })).status).toBe(404);
    const items = await t.call('GET', '/api/v1/items?resourceType=app', { key: outsider.key });
    expect(items.body.data).toEqual([]);
    expect(
      await upgradeStatus(`${t.url.replace('http', 'ws')}/app/${appId}`, {
        authorization: `Bearer ${outsider.key}`,
      }),
    ).toBe(403);
  });

  it("keeps a personal-space app its owner's alone", async () => {
    const mine = await t.call('POST', '/api/v1/apps', {
      key: outsider.key,
      body: { attributes: { name: 'Private' } },
    });
    const id = mine.body.attributes.id;
    expect(mine.body.attributes.spaceId).toBeUndefined();
    expect((await t.call('GET', `/api/v1/apps/${id}`, { key: consumer.key })).status).toBe(404);
    expect(
      await upgradeStatus(`${t.url.replace('http', 'ws')}/app/${id}`, {
        authorization: `Bearer ${consumer.key}`,
      }),
    ).toBe(403);
    expect(
      await upgradeStatus(`${t.url.replace('http', 'ws')}/app/${id}`, {
        authorization: `Bearer ${outsider.key}`,
      }),
    ).toBe(101);
    // An admin sees it in the catalog but cannot open it.
    expect(
      await upgradeStatus(`${t.url.replace('http', 'ws')}/app/${id}`, {
        authorization: `Bearer ${t.adminKey}`,
      }),
    ).toBe(403);
  });

  it('refuses roles a space type does not have and duplicate assignments', async () => {
    const wrong = await t.call('POST', `/api/v1/spaces/${spaceId}/assignments`, {
      body: { type: 'user', assigneeId: outsider.user.id, roles: ['publisher'] },
    });
    expect(wrong.status).toBe(400);
    const twice = await t.call('POST', `/api/v1/spaces/${spaceId}/assignments`, {
      body: { type: 'user', assigneeId: consumer.user.id, roles: ['consumer'] },
    });
    expect(twice.status).toBe(409);
  });

  it('answers the engine socket 401 without credentials', async () => {
    expect(await upgradeStatus(`${t.url.replace('http', 'ws')}/app/${appId}`)).toBe(401);
  });
});
