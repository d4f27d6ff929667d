import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@qlikit/rest';
import { cubeRows, openApp } from './helpers/qixSession.js';
import { startFixture, type TenantFixture } from './helpers/tenantFixture.js';

describe('data files', () => {
  let t: TenantFixture;
  let spaceId: string;
  let otherSpaceId: string;
  beforeAll(async () => {
    t = await startFixture({ limits: { upload: 1024 * 1024, dataFiles: 1536 * 1024 } });
    spaceId = (await t.call('POST', '/api/v1/spaces', { body: { name: 'Sales', type: 'shared' } }))
      .body.id;
    otherSpaceId = (
      await t.call('POST', '/api/v1/spaces', { body: { name: 'Shared data', type: 'shared' } })
    ).body.id;
  });
  afterAll(() => t.close());

  const client = () => createClient({ host: t.url, auth: t.adminKey, rateLimit: false });
  const connectionOf = async (space: string | null) => {
    const { data } = await client().dataFiles.listConnections({
      ...(space ? { spaceId: space } : { personal: true }),
    });
    return data[0]!.id;
  };

  it('uploads multipart files to a space, lists, renames and deletes them', async () => {
    const connectionId = await connectionOf(spaceId);
    const created = await client().dataFiles.create({
      body: {
        Json: { name: 'orders.csv', connectionId },
        File: new Blob(['region,amount\nnorth,10\nsouth,5\nnorth,7\n']),
      },
    });
    expect(created).toMatchObject({
      name: 'orders.csv',
      size: 39,
      spaceId,
      baseName: 'orders.csv',
    });
    const duplicate = await t.call('GET', `/api/v1/data-files?connectionId=${connectionId}`);
    expect(duplicate.body.data.map((file: { name: string }) => file.name)).toEqual(['orders.csv']);
    const item = await t.call('GET', `/api/v1/items?resourceType=dataset&spaceId=${spaceId}`);
    expect(item.body.data[0]).toMatchObject({
      name: 'orders.csv',
      resourceId: created.id,
      resourceSubType: 'qix-df',
    });

    const again = await client()
      .dataFiles.create({
        body: { Json: { name: 'orders.csv', connectionId }, File: new Blob(['x']) },
      })
      .catch((error: { status: number }) => error);
    expect((again as { status: number }).status).toBe(409);

    const scratch = await client().dataFiles.create({
      body: { Json: { name: 'tmp/scratch.txt', connectionId }, File: new Blob(['hi']) },
    });
    const renamed = await client().dataFiles.update({
      id: scratch.id,
      body: { Json: { name: 'tmp/renamed.txt' } },
    });
    expect(renamed).toMatchObject({
      name: 'tmp/renamed.txt',
      folderPath: 'tmp',
      baseName: 'renamed.txt',
      size: 2,
    });
    expect((await t.call('DELETE', `/api/v1/data-files/${scratch.id}`)).status).toBe(204);
    expect((await t.call('GET', `/api/v1/data-files/${scratch.id}`)).status).toBe(404);
  });

  it('refuses names that leave the folder (400) and uploads over the limit (413)', async () => {
    const connectionId = await connectionOf(spaceId);
    for (const name of ['../escape.csv', 'a/../../b.csv', '/abs.csv', 'a\\b.csv', 'x/./y.csv']) {
      const refused = await client()
        .dataFiles.create({ body: { Json: { name, connectionId }, File: new Blob(['1']) } })
        .catch((error: { status: number }) => error);
      expect((refused as { status: number }).status, name).toBe(400);
    }
    const big = await client()
      .dataFiles.create({
        body: {
          Json: { name: 'big.csv', connectionId },
          File: new Blob([new Uint8Array(2 * 1024 * 1024)]),
        },
      })
      .catch((error: { status: number }) => error);
    expect((big as { status: number }).status).toBe(413);
    const names = (
      await t.call('GET', `/api/v1/data-files?connectionId=${connectionId}`)
    ).body.data.map((f: { name: string }) => f.name);
    expect(names).not.toContain('big.csv');
  });

  it('lets a load script read lib://DataFiles/ and lib://<space>:DataFiles/, STORE into them, and nothing else', async () => {
    await client().dataFiles.create({
      body: {
        Json: { name: 'rates.csv', connectionId: await connectionOf(otherSpaceId) },
        File: new Blob(['region,rate\nnorth,2\nsouth,3\n']),
      },
    });
    const app = (
      await t.call('POST', '/api/v1/apps', { body: { attributes: { name: 'Loader', spaceId } } })
    ).body.attributes.id;
    const { doc, close } = await openApp(t.url, t.adminKey, app);
    try {
      await doc.setScript(`Orders: LOAD * FROM [lib://DataFiles/orders.csv] (txt, utf8, embedded labels, delimiter is ',');
Rates: LOAD * FROM [lib://Shared data:DataFiles/rates.csv] (txt, utf8, embedded labels, delimiter is ',');
STORE Orders INTO [lib://DataFiles/orders-copy.qvd] (qvd);`);
      expect(await doc.doReload()).toBe(true);
      expect(await cubeRows(doc, 'region', 'Sum(amount) * Only(rate)')).toEqual([
        ['north', '34'],
        ['south', '15'],
      ]);
      for (const path of [
        'lib://DataFiles/../orders.csv',
        'lib://Other/orders.csv',
        '/etc/passwd',
        'orders.csv',
        'lib://Nope:DataFiles/x.csv',
      ]) {
        await doc.setScript(`T: LOAD * FROM [${path}] (txt);`);
        expect(await doc.doReload(), path).toBe(false);
      }
    } finally {
      await close();
    }
    const listed = await t.call(
      'GET',
      `/api/v1/data-files?connectionId=${await connectionOf(spaceId)}`,
    );
    expect(listed.body.data.map((file: { name: string }) => file.name)).toContain(
      'orders-copy.qvd',
    );
  });

  it('copies a temp content into a data file and answers quotas', async () => {
    const upload = await fetch(`${t.url}/api/v1/temp-contents?filename=notes.txt`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${t.adminKey}`,
        'content-type': 'application/octet-stream',
      },
      body: 'hello temp',
    });
    expect(upload.status).toBe(201);
    const location = upload.headers.get('location')!;
    const tempId = location.split('/').pop()!;
    const details = await t.call('GET', `${location}/details`);
    expect(details.body).toMatchObject({
      ID: tempId,
      Name: 'notes.txt',
      Size: '10',
      TTLSeconds: 3600,
    });
    const partial = await fetch(`${t.url}${location}`, {
      headers: { authorization: `Bearer ${t.adminKey}`, range: 'bytes=6-' },
    });
    expect(partial.status).toBe(206);
    expect(await partial.text()).toBe('temp');
    const file = await client().dataFiles.create({
      body: { Json: { name: 'notes.txt', tempContentFileId: tempId } },
    });
    expect(file).toMatchObject({ name: 'notes.txt', size: 10, spaceId: null });
    const quotas = await t.call('GET', '/api/v1/data-files/quotas');
    expect(quotas.body).toMatchObject({ maxFileSize: 1024 * 1024 });
    expect(quotas.body.size).toBeGreaterThanOrEqual(10);
    const stranger = t.user('stranger', []);
    expect((await t.call('GET', location, { key: stranger.key })).status).toBe(404);
  });

  it("replaces a file's content in place and keeps each user's files within the quota (413)", async () => {
    const filer = t.user('filer');
    await t.call('POST', `/api/v1/spaces/${spaceId}/assignments`, {
      body: { type: 'user', assigneeId: filer.user.id, roles: ['producer'] },
    });
    const asFiler = createClient({ host: t.url, auth: filer.key, rateLimit: false });
    const connectionId = await connectionOf(spaceId);
    const upload = (name: string, bytes: number) =>
      asFiler.dataFiles
        .create({
          body: { Json: { name, connectionId }, File: new Blob([new Uint8Array(bytes)]) },
        })
        .catch((error: { status: number }) => error);
    const first = (await upload('first.bin', 800 * 1024)) as { id: string; size: number };
    expect(first.size).toBe(800 * 1024);
    expect(((await upload('second.bin', 800 * 1024)) as { status: number }).status).toBe(413);

    const replaced = await asFiler.dataFiles.update({
      id: first.id,
      body: { Json: {}, File: new Blob(['a,b\n1,2\n']) },
    });
    expect(replaced).toMatchObject({ id: first.id, name: 'first.bin', size: 8 });
    expect((await t.call('GET', `/api/v1/data-files/${first.id}`)).body.size).toBe(8);
    expect(((await upload('second.bin', 800 * 1024)) as { size: number }).size).toBe(800 * 1024);
    const quotas = await t.call('GET', '/api/v1/data-files/quotas', { key: filer.key });
    expect(quotas.body).toMatchObject({ size: 800 * 1024 + 8, maxSize: 1536 * 1024 });
    // The admin's files count against the admin only.
    expect((await t.call('GET', '/api/v1/data-files/quotas')).body.size).toBeLessThan(100 * 1024);
  });

  it("lets a script STORE only where the app's owner may write data files", async () => {
    const reader = t.user('reader');
    for (const [space, role] of [
      [spaceId, 'producer'],
      [otherSpaceId, 'dataconsumer'],
    ] as const)
      await t.call('POST', `/api/v1/spaces/${space}/assignments`, {
        body: { type: 'user', assigneeId: reader.user.id, roles: [role] },
      });
    const app = (
      await t.call('POST', '/api/v1/apps', {
        key: reader.key,
        body: { attributes: { name: 'Reader app', spaceId } },
      })
    ).body.attributes.id;
    const { doc, close } = await openApp(t.url, reader.key, app);
    try {
      const load = `Rates: LOAD * FROM [lib://Shared data:DataFiles/rates.csv] (txt, utf8, embedded labels, delimiter is ',');`;
      await doc.setScript(`${load}\nSTORE Rates INTO [lib://DataFiles/rates-here.qvd] (qvd);`);
      expect(await doc.doReload()).toBe(true);
      await doc.setScript(
        `${load}\nSTORE Rates INTO [lib://Shared data:DataFiles/rates-there.qvd] (qvd);`,
      );
      expect(await doc.doReload()).toBe(false);
    } finally {
      await close();
    }
    const there = await t.call(
      'GET',
      `/api/v1/data-files?connectionId=${await connectionOf(otherSpaceId)}`,
    );
    expect(there.body.data.map((file: { name: string }) => file.name)).not.toContain(
      'rates-there.qvd',
    );
  });

  it("refuses a space's viewer its data files (403) and a stranger the connection (400)", async () => {
    const viewer = t.user('viewer');
    await t.call('POST', `/api/v1/spaces/${spaceId}/assignments`, {
      body: { type: 'user', assigneeId: viewer.user.id, roles: ['consumer'] },
    });
    const stranger = t.user('outsider');
    const connectionId = await connectionOf(spaceId);
    for (const [who, status] of [
      [viewer, 403],
      [stranger, 400],
    ] as const) {
      const refused = await createClient({ host: t.url, auth: who.key, rateLimit: false })
        .dataFiles.create({
          body: { Json: { name: 'nope.csv', connectionId }, File: new Blob(['a\n1\n']) },
        })
        .catch((error: { status: number }) => error);
      expect((refused as { status: number }).status, who.user.name).toBe(status);
    }
  });
});
