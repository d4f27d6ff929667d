import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTenantForCli, type TenantForCli } from './support/tenantForCli.js';

// Each step runs the CLI as a process; on a shared machine one can take seconds.
describe(
  'qlikit item, data-file get, user get, raw put/patch and context clear against a tenant',
  { timeout: 120_000 },
  () => {
    let tenant: TenantForCli;

    // Starting a tenant and building the app through its engine can take long on a busy machine.
    beforeAll(async () => {
      tenant = await startTenantForCli();
    }, 120_000);
    afterAll(() => tenant?.close());

    it('renames an item and changes its description, then deletes it (and so its app)', async () => {
      const app = await tenant.client.apps.create({ body: { attributes: { name: 'Scratch' } } });
      const appId = app.attributes!.id!;
      const [item] = JSON.parse(
        (await tenant.cli(['item', 'ls', '--resourceType', 'app', '--name', 'Scratch', '--json']))
          .stdout,
      );
      expect(item.resourceId).toBe(appId);
      expect(
        (
          await tenant.cli([
            'item',
            'update',
            item.id,
            '--name',
            'Scratch 2',
            '--description',
            'tmp',
          ])
        ).stdout,
      ).toBe(`Updated item ${item.id}.\n`);
      expect(
        JSON.parse((await tenant.cli(['item', 'get', item.id, '--json'])).stdout),
      ).toMatchObject({
        name: 'Scratch 2',
        description: 'tmp',
      });
      const nothing = await tenant.cli(['item', 'update', item.id]);
      expect([nothing.code, nothing.stderr.includes('Nothing to change')]).toEqual([2, true]);
      expect((await tenant.cli(['item', 'rm', item.id])).stdout).toBe(`Deleted item ${item.id}.\n`);
      const gone = await tenant.cli(['item', 'get', item.id]);
      expect([gone.code, gone.stderr.includes('answered 404')]).toEqual([1, true]);
    });

    it('uploads with `create --file` and shows one data file as a record and as JSON', async () => {
      await writeFile(join(tenant.dir, 'regions.csv'), 'Region\nNorth\nSouth\n');
      // qlik-cli's spelling: `data-file create --file`.
      const id = (
        await tenant.cli(['data-file', 'create', '--file', 'regions.csv', '-q'])
      ).stdout.trim();
      const record = await tenant.cli(['data-file', 'get', id]);
      expect(record.stdout).toMatch(new RegExp(`^id: +${id}\n`));
      expect(record.stdout).toMatch(/\nname: +regions\.csv\n/);
      expect(
        JSON.parse((await tenant.cli(['data-file', 'get', id, '--json'])).stdout),
      ).toMatchObject({ id, name: 'regions.csv', size: 19 });
    });

    it('imports an app from a temp content with --fileId, and wants exactly one of --file and --fileId', async () => {
      expect((await tenant.cli(['app', 'export', 'Sales', '-o', 'sales.qvf'])).code).toBe(0);
      const { headers } = await tenant.client.tempContents
        .create({
          filename: 'sales.qvf',
          body: new Blob([await readFile(join(tenant.dir, 'sales.qvf'))]),
        })
        .withResponse();
      const fileId = headers.get('location')!.split('/').pop()!;
      const imported = await tenant.cli([
        'app',
        'import',
        '--fileId',
        fileId,
        '--name',
        'From temp',
        '-q',
      ]);
      expect(imported.code).toBe(0);
      const appId = imported.stdout.trim();
      expect((await tenant.client.apps.get({ appId })).attributes?.name).toBe('From temp');
      expect((await tenant.cli(['app', 'eval', 'Sum(Amount)', '--app', appId])).stdout).toBe(
        '43\n',
      );
      for (const args of [[], ['--file', 'sales.qvf', '--fileId', fileId]]) {
        const refused = await tenant.cli(['app', 'import', ...args]);
        expect([refused.code, refused.stderr.includes('one of them')]).toEqual([2, true]);
      }
    });

    it('reads a user by id', async () => {
      const me = JSON.parse((await tenant.cli(['user', 'me', '--json'])).stdout);
      const user = JSON.parse((await tenant.cli(['user', 'get', me.id, '--json'])).stdout);
      expect(user).toMatchObject({ id: me.id, name: me.name });
      expect((await tenant.cli(['user', 'get', me.id])).stdout).toMatch(
        new RegExp(`id: +${me.id}`),
      );
    });

    it('sends raw PUT and PATCH requests with JSON bodies', async () => {
      const space = await tenant.client.spaces.create({ body: { name: 'Raw', type: 'shared' } });
      const put = await tenant.cli([
        'raw',
        'put',
        `/api/v1/spaces/${space.id}`,
        '--body',
        '{"name":"Raw put","description":"d"}',
      ]);
      expect(put.code).toBe(0);
      expect(JSON.parse(put.stdout)).toMatchObject({ name: 'Raw put', description: 'd' });
      const patch = await tenant.cli([
        'raw',
        'patch',
        `/api/v1/spaces/${space.id}`,
        '--body',
        '[{"op":"replace","path":"/name","value":"Raw patched"}]',
      ]);
      expect(patch.code).toBe(0);
      expect((await tenant.client.spaces.get({ spaceId: space.id })).name).toBe('Raw patched');
    });

    it('clears the current context so that commands need --server again', async () => {
      expect((await tenant.cli(['context', 'clear'])).code).toBe(0);
      const listed = JSON.parse((await tenant.cli(['context', 'ls', '--json'])).stdout);
      expect(listed).toEqual([expect.objectContaining({ name: 'local', current: false })]);
      const refused = await tenant.cli(['app', 'ls']);
      expect(refused.code).toBe(2);
      expect((await tenant.cli(['app', 'ls', '--context', 'local'])).code).toBe(0);
      expect((await tenant.cli(['context', 'use', 'local'])).code).toBe(0);
    });
  },
);
