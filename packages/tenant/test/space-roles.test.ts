import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upgradeStatus } from './helpers/engineSocket.js';
import { startFixture, type TenantFixture } from './helpers/tenantFixture.js';

/** What one member may do, as statuses: see the app, change it, reload it, open it in the engine, manage the space, read its data files. */
interface Outcome {
  readonly see: number;
  readonly update: number;
  readonly reload: number;
  readonly socket: number;
  readonly manage: number;
  readonly readData: boolean;
}

const viewer: Outcome = {
  see: 200,
  update: 403,
  reload: 403,
  socket: 101,
  manage: 403,
  readData: false,
};
const hidden: Outcome = {
  see: 404,
  update: 404,
  reload: 404,
  socket: 403,
  manage: 403,
  readData: true,
};

/**
 * Qlik Cloud's permission tables (help.qlik.com, "Managing permissions in
 * shared/managed spaces"), for an app the member does not own: in a shared
 * space only the app's owner reloads it unless the member may edit data in
 * apps; "Can consume data" sees data files but no apps; in a managed space
 * apps are read-only and only operators (and managers) reload them.
 */
const SHARED: Record<string, Outcome> = {
  consumer: viewer,
  producer: { ...viewer, update: 200, readData: true },
  codeveloper: { ...viewer, update: 200, reload: 201, readData: true },
  facilitator: { ...viewer, update: 200, manage: 200, readData: true },
  dataconsumer: hidden,
};
const MANAGED: Record<string, Outcome> = {
  consumer: viewer,
  contributor: viewer,
  basicconsumer: viewer,
  operator: { ...viewer, reload: 201, readData: true },
  facilitator: { ...viewer, reload: 201, manage: 200, readData: true },
  publisher: hidden,
  dataconsumer: hidden,
};

describe('the space role matrix', () => {
  let t: TenantFixture;
  let shared: string;
  let managed: string;
  let sharedApp: string;
  let managedApp: string;

  beforeAll(async () => {
    t = await startFixture();
    shared = (await t.call('POST', '/api/v1/spaces', { body: { name: 'Dev', type: 'shared' } }))
      .body.id;
    managed = (await t.call('POST', '/api/v1/spaces', { body: { name: 'Prod', type: 'managed' } }))
      .body.id;
    sharedApp = (
      await t.call('POST', '/api/v1/apps', {
        body: { attributes: { name: 'Matrix', spaceId: shared } },
      })
    ).body.attributes.id;
    await t.call('POST', `/api/v1/apps/${sharedApp}/scripts`, {
      body: { script: 'T: LOAD * INLINE [a\n1];' },
    });
    managedApp = (
      await t.call('POST', `/api/v1/apps/${sharedApp}/publish`, { body: { spaceId: managed } })
    ).body.attributes.id;
  });
  afterAll(() => t.close());

  /** What a member with `role` in `spaceId` gets for `appId`. */
  async function outcome(spaceId: string, appId: string, role: string): Promise<Outcome> {
    const { user, key } = t.user(`${role}-${spaceId.slice(0, 4)}`);
    const assigned = await t.call('POST', `/api/v1/spaces/${spaceId}/assignments`, {
      body: { type: 'user', assigneeId: user.id, roles: [role] },
    });
    expect(assigned.status, role).toBe(201);
    const connections = await t.call('GET', `/api/v1/data-files/connections?spaceId=${spaceId}`, {
      key,
    });
    return {
      see: (await t.call('GET', `/api/v1/apps/${appId}`, { key })).status,
      update: (
        await t.call('PUT', `/api/v1/apps/${appId}`, {
          key,
          body: { attributes: { description: `by ${role}` } },
        })
      ).status,
      reload: (await t.call('POST', '/api/v1/reloads', { key, body: { appId } })).status,
      socket: await upgradeStatus(`${t.url.replace('http', 'ws')}/app/${appId}`, {
        authorization: `Bearer ${key}`,
      }),
      manage: (
        await t.call('PATCH', `/api/v1/spaces/${spaceId}`, {
          key,
          body: [{ op: 'replace', path: '/description', value: role }],
        })
      ).status,
      readData: (connections.body.data ?? []).some(
        (connection: { spaceId?: string }) => connection.spaceId === spaceId,
      ),
    };
  }

  it.each(Object.entries(SHARED))('shared space, %s', async (role, expected) => {
    expect(await outcome(shared, sharedApp, role)).toEqual(expected);
  });

  it.each(Object.entries(MANAGED))('managed space, %s', async (role, expected) => {
    expect(await outcome(managed, managedApp, role)).toEqual(expected);
  });

  it('lets a producer reload the apps it owns in a shared space', async () => {
    const { user, key } = t.user('maker');
    await t.call('POST', `/api/v1/spaces/${shared}/assignments`, {
      body: { type: 'user', assigneeId: user.id, roles: ['producer'] },
    });
    const own = (
      await t.call('POST', '/api/v1/apps', {
        key,
        body: { attributes: { name: 'Own', spaceId: shared } },
      })
    ).body.attributes.id;
    expect((await t.call('POST', '/api/v1/reloads', { key, body: { appId: own } })).status).toBe(
      201,
    );
  });
});
