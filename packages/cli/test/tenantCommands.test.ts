import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTenantForCli, type TenantForCli } from './support/tenantForCli.js';

// Each step runs the CLI as a process; on a shared machine one can take seconds.
describe('qlikit against a tenant', { timeout: 120_000 }, () => {
  let tenant: TenantForCli;

  // Starting a tenant and building the app through its engine can take long on a busy machine.
  beforeAll(async () => {
    tenant = await startTenantForCli();
  }, 120_000);
  afterAll(() => tenant?.close());

  it('lists, reads, creates, copies and deletes apps', async () => {
    const listed = JSON.parse((await tenant.cli(['app', 'ls', '--json'])).stdout);
    expect(listed).toContainEqual({
      id: tenant.appId,
      name: 'Sales',
      spaceId: null,
      updatedAt: expect.any(String),
    });
    const got = JSON.parse((await tenant.cli(['app', 'get', 'Sales', '--json'])).stdout);
    expect(got.attributes).toMatchObject({ id: tenant.appId, name: 'Sales' });
    const created = await tenant.cli([
      'app',
      'create',
      '--attributes-name',
      'Budget',
      '--attributes-description',
      'Plan',
      '-q',
    ]);
    const budgetId = created.stdout.trim();
    expect((await tenant.client.apps.get({ appId: budgetId })).attributes).toMatchObject({
      name: 'Budget',
      description: 'Plan',
    });
    const copy = await tenant.cli([
      'app',
      'copy',
      tenant.appId,
      '--attributes-name',
      'Sales copy',
      '--json',
    ]);
    const copyId = JSON.parse(copy.stdout).id;
    expect((await tenant.client.apps.get({ appId: copyId })).attributes?.name).toBe('Sales copy');
    expect((await tenant.cli(['app', 'rm', budgetId])).stdout).toBe(`Deleted app ${budgetId}.\n`);
    await expect(tenant.client.apps.get({ appId: budgetId })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("reloads an app on the tenant's engine with the log, and prints data from it", async () => {
    const reload = await tenant.cli(['app', 'reload', '--app', tenant.appId]);
    expect(reload.code).toBe(0);
    expect(reload.stderr).toContain('Regions');
    expect(reload.stdout).toMatch(/^Reload SUCCEEDED in \d+\.\d s; the app is saved\.\n$/);
    const data = await tenant.cli([
      'app',
      'data',
      '--app',
      'Sales',
      '--dim',
      'Region',
      '--measure',
      'Sum(Amount)',
    ]);
    expect(data.stdout).toBe(
      'Region  Sum(Amount)\nEast              1\nNorth            30\nSouth            12\n',
    );
  });

  it('unbuilds an app and builds the files into a new app with equal objects, script and master items', async () => {
    expect((await tenant.cli(['app', 'unbuild', '--app', 'Sales', '--dir', 'sales'])).code).toBe(0);
    const built = JSON.parse(
      (
        await tenant.cli([
          'app',
          'build',
          '--dir',
          'sales',
          '--app',
          'Sales rebuilt',
          '--silent',
          '--json',
        ])
      ).stdout,
    );
    expect(built).toMatchObject({
      created: true,
      reload: { status: 'SUCCEEDED' },
      counts: { objects: 1, dimensions: 1, measures: 1 },
    });
    expect((await tenant.client.apps.get({ appId: built.appId })).attributes?.name).toBe(
      'Sales rebuilt',
    );
    expect(
      (await tenant.cli(['app', 'unbuild', '--app', built.appId, '--dir', 'rebuilt'])).code,
    ).toBe(0);
    for (const file of [
      'script.qvs',
      'dimensions.json',
      'measures.json',
      'variables.json',
      'objects/sheet-overview-sheet-1.json',
    ]) {
      const [original, rebuilt] = await Promise.all(
        ['sales', 'rebuilt'].map((folder) => readFile(join(tenant.dir, folder, file), 'utf8')),
      );
      expect(rebuilt, file).toBe(original);
    }
  });

  it('exports an app to a file, imports it back, and publishes it to a managed space', async () => {
    const exported = JSON.parse(
      (await tenant.cli(['app', 'export', 'Sales', '-o', 'sales.qvf', '--json'])).stdout,
    );
    expect(exported).toEqual({ id: tenant.appId, file: join(tenant.dir, 'sales.qvf') });
    expect((await stat(exported.file)).size).toBeGreaterThan(0);
    const imported = await tenant.cli([
      'app',
      'import',
      '--file',
      'sales.qvf',
      '--name',
      'Sales imported',
      '-q',
    ]);
    expect(imported.code).toBe(0);
    const importedId = imported.stdout.trim();
    expect((await tenant.client.apps.get({ appId: importedId })).attributes?.name).toBe(
      'Sales imported',
    );
    const evaluated = await tenant.cli(['app', 'eval', 'Sum(Amount)', '--app', importedId]);
    expect(evaluated.stdout).toBe('43\n');
    const space = await tenant.client.spaces.create({
      body: { name: 'Published', type: 'managed' },
    });
    const published = await tenant.cli([
      'app',
      'publish',
      'create',
      importedId,
      '--spaceId',
      space.id,
      '--json',
    ]);
    expect(published.code).toBe(0);
    const publishedApp = JSON.parse(published.stdout).attributes;
    expect(publishedApp).toMatchObject({ spaceId: space.id, published: true });
    const republished = await tenant.cli([
      'app',
      'publish',
      'update',
      importedId,
      '--targetId',
      publishedApp.id,
      '--attributes-name',
      'Sales published',
    ]);
    expect(republished.stdout).toBe(`Republished ${importedId} over ${publishedApp.id}.\n`);
    expect((await tenant.client.apps.get({ appId: publishedApp.id })).attributes?.name).toBe(
      'Sales published',
    );
    const missing = await tenant.cli(['app', 'import', '--file', 'nothing.qvf']);
    expect([missing.code, missing.stderr.includes('Cannot read nothing.qvf')]).toEqual([2, true]);
  });

  it('starts a reload through the reloads API, waits for it with its log, and lists and reads it', async () => {
    const waited = await tenant.cli([
      'reload',
      'create',
      '--appId',
      'Sales',
      '--variables',
      'vYear=2024',
      '--weight',
      '2',
      '--wait',
      '--json',
    ]);
    expect(waited.code).toBe(0);
    const reload = JSON.parse(waited.stdout);
    expect(reload).toMatchObject({ appId: tenant.appId, status: 'SUCCEEDED' });
    const listed = JSON.parse(
      (await tenant.cli(['reload', 'ls', '--appId', tenant.appId, '--json'])).stdout,
    );
    expect(listed.map((entry: { id: string }) => entry.id)).toContain(reload.id);
    // The reload's variables start the script, so the app has them as script variables.
    const variables = await tenant.cli(['app', 'variable', 'ls', '--app', 'Sales']);
    expect(variables.stdout).toMatch(/\bvYear\b.*\b2024\b/);
    const shown = await tenant.cli(['reload', 'get', reload.id]);
    expect(shown.stdout).toMatch(new RegExp(`^id: +${reload.id}\n`));
    expect(shown.stdout).toContain('status: ');
  });

  it('creates, lists, changes and deletes spaces; lists pass --limit page after page', async () => {
    const created = JSON.parse(
      (await tenant.cli(['space', 'create', '--name', 'Finance', '--type', 'shared', '--json']))
        .stdout,
    );
    expect(created).toMatchObject({ name: 'Finance', type: 'shared' });
    expect((await tenant.cli(['space', 'update', created.id, '--name', 'Finance EU'])).code).toBe(
      0,
    );
    expect(JSON.parse((await tenant.cli(['space', 'get', created.id, '--json'])).stdout).name).toBe(
      'Finance EU',
    );
    for (let index = 0; index < 104; index++) {
      await tenant.client.spaces.create({ body: { name: `Bulk ${index}`, type: 'shared' } });
    }
    const limited = await tenant.cli(['space', 'ls', '--limit', '102', '--json', '--traffic']);
    expect(JSON.parse(limited.stdout)).toHaveLength(102);
    expect(limited.stderr.match(/GET \S+\/api\/v1\/spaces\S* 200/g)).toHaveLength(2);
    const table = await tenant.cli(['space', 'ls', '--limit', '3']);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+NAME\s+TYPE\s+OWNER$/);
    expect(table.stderr).toContain('Showing the first 3; --limit <n> lists more.');
    expect((await tenant.cli(['space', 'rm', created.id])).code).toBe(0);
    await expect(tenant.client.spaces.get({ spaceId: created.id })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('lists items by --resourceType and --name, and reads one', async () => {
    const items = JSON.parse(
      (await tenant.cli(['item', 'ls', '--resourceType', 'app', '--name', 'Sales', '--json']))
        .stdout,
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      name: 'Sales',
      resourceType: 'app',
      resourceId: tenant.appId,
    });
    const item = JSON.parse((await tenant.cli(['item', 'get', items[0].id, '--json'])).stdout);
    expect(item.resourceId).toBe(tenant.appId);
  });

  it('uploads, lists and deletes data files; download says it is not implemented', async () => {
    await writeFile(join(tenant.dir, 'sales.csv'), 'Region,Amount\nNorth,10\n');
    const uploaded = JSON.parse(
      (await tenant.cli(['data-file', 'upload', 'sales.csv', '--json'])).stdout,
    );
    expect(uploaded).toMatchObject({ name: 'sales.csv', size: 23 });
    const listed = JSON.parse((await tenant.cli(['data-file', 'ls', '--json'])).stdout);
    expect(listed.map((file: { name: string }) => file.name)).toContain('sales.csv');
    const download = await tenant.cli(['data-file', 'download', uploaded.id]);
    expect(download.code).toBe(1);
    expect(download.stderr).toContain('(NOT_IMPLEMENTED)');
    expect((await tenant.cli(['data-file', 'rm', uploaded.id])).code).toBe(0);
    expect(JSON.parse((await tenant.cli(['data-file', 'ls', '--json'])).stdout)).toEqual([]);
  });

  it('shows the user, creates an API key that works, and deletes it so that it fails with 401 and exit code 1', async () => {
    const me = JSON.parse((await tenant.cli(['user', 'me', '--json'])).stdout);
    expect(me).toMatchObject({ id: expect.any(String), name: expect.any(String) });
    const users = JSON.parse((await tenant.cli(['user', 'ls', '--json'])).stdout);
    expect(users.map((user: { id: string }) => user.id)).toContain(me.id);
    const key = (
      await tenant.cli(['api-key', 'create', '--description', 'ci', '--expiry', 'P1D', '-q'])
    ).stdout.trim();
    const keys = JSON.parse((await tenant.cli(['api-key', 'ls', '--json'])).stdout);
    const created = keys.find((entry: { description: string }) => entry.description === 'ci');
    expect((await tenant.cli(['app', 'ls', '--api-key', key])).code).toBe(0);
    expect((await tenant.cli(['api-key', 'rm', created.id])).code).toBe(0);
    const refused = await tenant.cli(['app', 'ls', '--api-key', key]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/answered 401 .*\(HTTP-401, traceId [0-9a-f]+\)/);
    expect(refused.stderr).toContain('Try: The credentials were refused');
    const json = await tenant.cli(['app', 'ls', '--api-key', 'not-a-key', '--json']);
    expect(JSON.parse(json.stderr)).toEqual({
      error: {
        code: 'HTTP-401',
        message: expect.stringContaining('answered 401'),
        hint: expect.any(String),
        status: 401,
        traceId: expect.any(String),
      },
    });
  });

  it('works with an OAuth client (client credentials) saved in a context, for REST and the engine socket', async () => {
    const created = (await tenant.client.oauthClients.create({
      body: {
        clientName: 'cli',
        appType: 'web',
        allowedGrantTypes: ['client_credentials'],
        allowedScopes: ['user_default'],
      },
    })) as unknown as { clientId: string; clientSecret: string };
    const args = [
      '--oauth-client-id',
      created.clientId,
      '--oauth-client-secret',
      created.clientSecret,
    ];
    expect(
      (await tenant.cli(['context', 'create', 'm2m', '--server', tenant.url, ...args])).code,
    ).toBe(0);
    const listed = await tenant.cli(['app', 'ls', '--context', 'm2m', '--json']);
    expect(JSON.parse(listed.stdout).map((app: { id: string }) => app.id)).toContain(tenant.appId);
    expect(
      (
        await tenant.cli([
          'app',
          'eval',
          'Count(Region)',
          '--app',
          tenant.appId,
          '--context',
          'm2m',
        ])
      ).stdout,
    ).toBe('5\n');
    const wrong = ['--oauth-client-secret', 'wrong'];
    await tenant.cli(['context', 'update', 'm2m', ...wrong]);
    const refused = await tenant.cli(['app', 'ls', '--context', 'm2m']);
    expect([refused.code, refused.stderr.includes('(AUTH_FAILED')]).toEqual([1, true]);
    expect(refused.stderr).toContain('Try: The OAuth token request was refused');
  });

  it('sends raw requests with the context credentials, JSON in and out', async () => {
    const created = JSON.parse(
      (
        await tenant.cli([
          'raw',
          'post',
          '/api/v1/spaces',
          '--body',
          '{"name":"Raw","type":"shared"}',
        ])
      ).stdout,
    );
    expect(created).toMatchObject({ name: 'Raw', type: 'shared' });
    const page = JSON.parse(
      (
        await tenant.cli([
          'raw',
          'get',
          '/api/v1/items',
          '--query',
          'resourceType=app',
          '--query',
          'name=Sales',
        ])
      ).stdout,
    );
    expect(page.data.map((item: { resourceId: string }) => item.resourceId)).toEqual([
      tenant.appId,
    ]);
    expect((await tenant.cli(['raw', 'delete', `/api/v1/spaces/${created.id}`])).code).toBe(0);
    const missing = await tenant.cli(['raw', 'get', `/api/v1/spaces/${created.id}`]);
    expect([missing.code, missing.stderr.includes('answered 404')]).toEqual([1, true]);
    expect((await tenant.cli(['raw', 'fetch', '/api/v1/items'])).code).toBe(2);
  });
});
