import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apps,
  createClient,
  dataFiles,
  items,
  oauthClientCredentials,
  QlikApiError,
  spaces,
  type QlikClient,
} from '@qlikit/rest';
import { startFixture, type TenantFixture } from '../helpers/tenantFixture.js';

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(promise: PromiseLike<unknown>): Promise<QlikApiError> {
  const outcome = await promise.then(
    () => new Error('expected the call to fail'),
    (error: unknown) => error,
  );
  if (!(outcome instanceof QlikApiError)) throw outcome;
  return outcome;
}

describe('@qlikit/rest, unchanged, against the tenant', () => {
  let t: TenantFixture;
  let client: QlikClient;
  beforeAll(async () => {
    t = await startFixture();
    client = createClient({ host: t.url, auth: t.adminKey, rateLimit: false });
  });
  afterAll(() => t.close());

  it('users: me, list, create, get, patch, delete', async () => {
    const me = await client.users.getMe();
    expect(me).toMatchObject({ id: t.tenant.admin.user.id, status: 'active' });
    const created = await client.users.create({
      body: {
        name: 'Ada',
        subject: 'auth0|ada',
        email: 'ada@example.com',
        tenantId: t.tenant.tenantId,
        assignedRoles: [{ name: 'Developer' }],
      },
    });
    expect(created).toMatchObject({ name: 'Ada', subject: 'auth0|ada' });
    expect((await client.users.get({ userId: created.id })).email).toBe('ada@example.com');
    const everyone = await client.users.list({ limit: 1 }).all();
    expect(everyone.map((user) => user.id)).toEqual(expect.arrayContaining([me.id, created.id]));
    await client.users.patch({
      userId: created.id,
      body: [{ op: 'replace', path: '/name', value: 'Ada L.' }],
    });
    expect((await client.users.get({ userId: created.id })).name).toBe('Ada L.');
    await client.users.delete({ userId: created.id });
    const gone = await rejection(client.users.get({ userId: created.id }));
    expect(gone.status).toBe(404);
  });

  it('groups and api-keys: create, list, get, patch, delete; a deleted key stops at once', async () => {
    const group = await client.groups.create({ body: { name: 'Analysts' } });
    expect((await client.groups.get({ groupId: group.id })).name).toBe('Analysts');
    expect((await client.groups.list().all()).map((each) => each.id)).toContain(group.id);
    await client.groups.patch({
      groupId: group.id,
      body: [{ op: 'replace', path: 'name', value: 'Analysts 2' }],
    });
    expect((await client.groups.get({ groupId: group.id })).name).toBe('Analysts 2');
    await client.groups.delete({ groupId: group.id });

    const key = await client.apiKeys.create({ body: { description: 'ci', expiry: 'P1D' } });
    expect(key.token).toMatch(/^eyJ/);
    const second = createClient({ host: t.url, auth: key.token!, rateLimit: false });
    expect((await second.users.getMe()).id).toBe(t.tenant.admin.user.id);
    await client.apiKeys.patch({
      id: key.id!,
      body: [{ op: 'replace', path: '/description', value: 'ci 2' }],
    });
    expect((await client.apiKeys.get({ id: key.id! })).description).toBe('ci 2');
    expect((await client.apiKeys.list().all()).map((each) => each.id)).toContain(key.id);
    await client.apiKeys.delete({ id: key.id! });
    const refused = await rejection(second.users.getMe());
    expect(refused.status).toBe(401);
  });

  it('spaces: types, create, page, update, assignments, delete', async () => {
    expect((await client.spaces.listTypes()).data).toEqual(
      expect.arrayContaining(['shared', 'managed', 'data']),
    );
    const created = [];
    for (const [name, type] of [
      ['Finance', 'shared'],
      ['Published', 'managed'],
      ['Landing', 'data'],
    ] as const) {
      created.push(await spaces(client).create({ body: { name, type } }));
    }
    const [finance] = created;
    const listed = [];
    for await (const page of client.spaces.list({ limit: 1 }).pages()) listed.push(page.data ?? []);
    expect(listed.length).toBeGreaterThanOrEqual(3);
    expect(listed.flat().map((space) => space.id)).toEqual(
      expect.arrayContaining(created.map((space) => space.id)),
    );
    await finance!.update({ body: { name: 'Finance EU', description: 'money' } });
    expect((await client.spaces.get({ spaceId: finance!.id })).name).toBe('Finance EU');
    await client.spaces.patch({
      spaceId: finance!.id,
      body: [{ op: 'replace', path: '/description', value: 'more money' }],
    });
    expect((await client.spaces.get({ spaceId: finance!.id })).description).toBe('more money');

    const bob = t.user('bob', []);
    const assignment = await finance!.createAssignment({
      body: { type: 'user', assigneeId: bob.user.id, roles: ['consumer'] },
    });
    expect(assignment).toMatchObject({ assigneeId: bob.user.id, roles: ['consumer'] });
    await client.spaces.updateAssignment({
      spaceId: finance!.id,
      assignmentId: assignment.id,
      body: { roles: ['producer'] },
    });
    expect(
      (await client.spaces.getAssignment({ spaceId: finance!.id, assignmentId: assignment.id }))
        .roles,
    ).toEqual(['producer']);
    expect((await finance!.listAssignments().all()).map((each) => each.id)).toContain(
      assignment.id,
    );
    await finance!.deleteAssignment({ assignmentId: assignment.id });
    for (const space of created.slice(1)) await space.delete();
    const gone = await rejection(client.spaces.get({ spaceId: created[1]!.id }));
    expect([gone.status, gone.code]).toEqual([404, expect.stringMatching(/404/)]);
  });

  it('apps and items: create, get, update, copy, list and search with cursor paging, delete', async () => {
    const space = await client.spaces.create({ body: { name: 'Apps', type: 'shared' } });
    const made = [];
    for (const name of ['Sales', 'Stock', 'Staff', 'Budget']) {
      made.push(await apps(client).create({ body: { attributes: { name, spaceId: space.id } } }));
    }
    const sales = made[0]!;
    expect(sales.name).toBe('Sales');
    await sales.update({ body: { attributes: { name: 'Sales 2026', description: 'all of it' } } });
    expect((await client.apps.get({ appId: sales.id })).attributes).toMatchObject({
      name: 'Sales 2026',
      description: 'all of it',
      spaceId: space.id,
    });
    const copy = await sales.copy({ body: { attributes: { name: 'Sales copy' } } });
    expect(copy.id).not.toBe(sales.id);
    expect(copy.details.attributes).toMatchObject({ spaceId: space.id });

    // Cursor paging over the items, two at a time, in name order.
    const pages = [];
    for await (const page of client.items
      .list({ resourceType: 'app', spaceId: space.id, limit: 2, sort: '+name' })
      .pages())
      pages.push(page.data.map((item) => item.name));
    expect(pages).toEqual([['Budget', 'Sales 2026'], ['Sales copy', 'Staff'], ['Stock']]);
    const searched = await items(client).list({ resourceType: 'app', query: 'sta' }).all();
    expect(searched.map((item) => item.details.name)).toEqual(['Staff']);
    const byName = await client.items.list({ name: 'Stock' }).all();
    expect(byName.map((item) => item.resourceId)).toEqual([made[1]!.id]);
    const mine = await apps(client).list({ ownerId: t.tenant.admin.user.id, spaceId: space.id });
    expect(mine.data).toHaveLength(5);

    const item = (await client.items.list({ resourceType: 'app', resourceId: copy.id }).all())[0]!;
    expect((await client.items.get({ itemId: item.id })).resourceId).toBe(copy.id);
    await client.items.update({
      itemId: item.id,
      body: { name: 'Renamed copy', resourceType: 'app' },
    });
    expect((await client.apps.get({ appId: copy.id })).attributes?.name).toBe('Renamed copy');
    await client.items.delete({ itemId: item.id });
    expect((await rejection(client.apps.get({ appId: copy.id }))).status).toBe(404);
    await made[3]!.delete();
    expect(
      (await client.items.list({ resourceType: 'app', spaceId: space.id }).all()).map(
        (each) => each.name,
      ),
    ).toEqual(['Sales 2026', 'Stock', 'Staff']);
  });

  it('data files and temp contents: upload, list, get, replace, move, quotas, delete', async () => {
    const space = await client.spaces.create({ body: { name: 'Files', type: 'shared' } });
    const [connection] = (await client.dataFiles.listConnections({ spaceId: space.id })).data;
    const orders = await dataFiles(client).create({
      body: {
        Json: { name: 'orders.csv', connectionId: connection!.id },
        File: new Blob(['id,amount\n1,10\n']),
      },
    });
    expect(orders.details).toMatchObject({ name: 'orders.csv', size: 15, spaceId: space.id });
    const listed = await client.dataFiles.list({ connectionId: connection!.id }).all();
    expect(listed.map((file) => file.name)).toEqual(['orders.csv']);
    await client.dataFiles.update({
      id: orders.id,
      body: { Json: { name: 'orders.csv' }, File: new Blob(['id,amount\n1,10\n2,20\n']) },
    });
    expect((await client.dataFiles.get({ id: orders.id })).size).toBe(20);

    // A temp content upload answers with its Location; a data file can be made from it.
    const { headers, status } = await client.tempContents
      .create({ filename: 'extra.csv', body: new Blob(['a\n1\n']) })
      .withResponse();
    expect(status).toBe(201);
    const tempId = headers.get('location')!.split('/').pop()!;
    expect(await (await client.tempContents.get({ id: tempId })).text()).toBe('a\n1\n');
    expect((await client.tempContents.getDetails({ id: tempId })).Size).toBe('4');
    const extra = await client.dataFiles.create({
      body: { Json: { name: 'extra.csv', tempContentFileId: tempId } },
    });
    expect(extra.size).toBe(4);

    const other = await client.spaces.create({ body: { name: 'Files 2', type: 'shared' } });
    await client.dataFiles.changeSpaceById({ id: extra.id, body: { spaceId: other.id } });
    expect((await client.dataFiles.get({ id: extra.id })).spaceId).toBe(other.id);
    const quotas = await client.dataFiles.getQuotas();
    expect(quotas.size).toBeGreaterThan(0);
    await orders.delete();
    expect((await rejection(client.dataFiles.get({ id: orders.id }))).status).toBe(404);
  });

  it('oauth: a client with a secret, client credentials through the client, tokens listed and revoked', async () => {
    const oauthClient = await client.oauthClients.create({
      body: {
        appType: 'web',
        clientName: 'robot',
        allowedGrantTypes: ['client_credentials'],
        allowedScopes: ['user_default'],
      },
    });
    const secret = oauthClient.clientSecret!;
    const sent: string[] = [];
    const robot = createClient({
      host: t.url,
      auth: oauthClientCredentials({ clientId: oauthClient.clientId!, clientSecret: secret }),
      rateLimit: false,
      log: (entry) => void sent.push(`${entry.status} ${new URL(entry.url).pathname}`),
    });
    expect((await robot.users.getMe()).id).toBe(t.tenant.admin.user.id);
    const tokens = await client.oauthTokens.list().all();
    expect(tokens.map((token) => token.userId)).toContain(t.tenant.admin.user.id);
    // Revoked, the token stops at once: the client's next call meets a 401, fetches a new token and resends.
    for (const token of tokens) await client.oauthTokens.delete({ tokenId: token.id });
    expect((await robot.spaces.listTypes()).data).toContain('shared');
    expect(sent.slice(-2)).toEqual(['401 /api/v1/spaces/types', '200 /api/v1/spaces/types']);
    // A CSRF token belongs to browser sessions; with a key the spec's 400 says so.
    const csrf = await rejection(client.csrfToken.get());
    expect([csrf.status, csrf.code]).toEqual([400, 'CSRF-TOKEN-4']);
  });

  it('errors carry the status, the code, the detail and the trace id', async () => {
    const error = await rejection(client.apps.get({ appId: 'no-such-app' }));
    expect(error.status).toBe(404);
    expect(error.code).toMatch(/404/);
    expect(error.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(error.headers.get('x-b3-traceid')).toBe(error.traceId);
    const invalid = await rejection(
      client.spaces.create({ body: { name: 'x', type: 'nonsense' as 'shared' } }),
    );
    expect([invalid.status, invalid.code]).toEqual([400, 'HTTP-400']);
    expect(invalid.detail).toMatch(/type/);
    const anonymous = createClient({ host: t.url, auth: () => ({}), rateLimit: false });
    const unauthorized = await rejection(anonymous.items.list());
    expect([unauthorized.status, unauthorized.code]).toEqual([401, 'HTTP-401']);
    const notImplemented = await rejection(client.brands.list());
    expect([notImplemented.status, notImplemented.code]).toEqual([501, 'HTTP-501']);
  });
});

describe('@qlikit/rest against a tenant with a tightened rate limit', () => {
  let t: TenantFixture;
  beforeAll(async () => {
    // Tier 1 (1000 a minute) scaled to 2 requests a second.
    t = await startFixture({ rateLimit: { windowMs: 1000, scale: 0.002 } });
  });
  afterAll(() => t.close());

  it("answers a 429 with Retry-After and Qlik's body to a client that does not wait", async () => {
    const impatient = createClient({
      host: t.url,
      auth: t.adminKey,
      rateLimit: { enabled: false, maxRetries: 0 },
    });
    // Four at once: the server takes two and refuses the others.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 4 }, () => impatient.spaces.list()),
    );
    const statuses = outcomes.map((outcome) =>
      outcome.status === 'fulfilled' ? 200 : (outcome.reason as QlikApiError).status,
    );
    expect(statuses.sort()).toEqual([200, 200, 429, 429]);
    const limited = outcomes.find((outcome) => outcome.status === 'rejected')!.reason as
      QlikApiError | undefined;
    expect(limited!.code).toBe('HTTP-429');
    expect(limited!.headers.get('retry-after')).toBe('1');
    expect(limited!.traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('is waited out by a client that knows only the spec limits: every call succeeds', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const waits: number[] = [];
    const patient = createClient({
      host: t.url,
      auth: t.adminKey,
      hooks: { onRateLimited: ({ retryAfterMs }) => void waits.push(retryAfterMs) },
    });
    const names = [];
    for (let i = 0; i < 4; i++) names.push((await patient.spaces.listTypes()).data?.length);
    expect(names).toEqual([3, 3, 3, 3].map(() => expect.any(Number)));
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((ms) => ms === 1000)).toBe(true);
  });
});
