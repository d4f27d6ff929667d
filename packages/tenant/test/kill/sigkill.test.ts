import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDiskState, type DiskState } from './diskState.js';
import { spawnTenant, type TenantProcess } from './tenantProcess.js';

const KEPT_SCRIPT = 'Kept: LOAD * INLINE [region, amount\nNorth, 10\nSouth, 5];';
// Slow enough that the kill lands while the engine is still loading.
const SLOW_SCRIPT = 'Slow: LOAD RecNo() AS n, Mod(RecNo(), 97) AS m AUTOGENERATE 20000000;';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` answers a value, or fails after `ms`. */
async function until<T>(
  what: string,
  check: () => Promise<T | undefined>,
  ms = 30_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** A multipart data-file upload whose file part is fed by hand, so it can stall mid-way. */
function stalledUpload(url: string, key: string, name: string) {
  const boundary = `----kill${Date.now()}`;
  let feed!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      feed = controller;
    },
  });
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="Json"\r\n` +
    `Content-Type: application/json\r\n\r\n${JSON.stringify({ name })}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="File"; filename="${name}"\r\n` +
    `Content-Type: text/csv\r\n\r\n`;
  feed.enqueue(new TextEncoder().encode(head));
  const response = fetch(`${url}/api/v1/data-files`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    body,
    duplex: 'half',
  } as RequestInit).then(
    (answer) => answer.status,
    () => 'connection lost',
  );
  return { feed: (bytes: Uint8Array) => feed.enqueue(bytes), response };
}

/** The spool's bytes so far (the upload the tenant is receiving). */
async function spooledBytes(dataDir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(join(dataDir, 'uploads')).catch(() => [] as string[]))
    total += (await stat(join(dataDir, 'uploads', name)).catch(() => ({ size: 0 }))).size;
  return total;
}

/** What must hold after every restart: SQLite sound, records and files agree, nothing left over. */
function expectAgreement(state: DiskState): void {
  expect(state.integrity).toBe('ok');
  expect(state.dataFilesOnDisk).toEqual(state.dataFileRows);
  expect(state.appDirs).toEqual(state.appRows);
  expect(state.brokenApps).toEqual([]);
  expect(state.strayVersions).toEqual([]);
  expect(state.tempFiles).toEqual(state.tempRows);
  expect(state.spooled).toEqual([]);
  expect(state.reloads.RELOADING ?? 0).toBe(0);
}

describe('a tenant killed with SIGKILL loses nothing acknowledged and leaves nothing half-written', () => {
  let dataDir: string;
  let tenant: TenantProcess;
  let keptAppId: string;
  let keptSize: number;

  /** SIGKILL, then a fresh start on the same directory. */
  async function killAndRestart(): Promise<void> {
    await tenant.kill();
    tenant = await spawnTenant(dataDir);
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'qlikit-kill-'));
    tenant = await spawnTenant(dataDir);
    const app = await tenant.call('POST', '/api/v1/apps', { attributes: { name: 'Kept' } });
    keptAppId = app.body.attributes.id;
    await tenant.call('POST', `/api/v1/apps/${keptAppId}/scripts`, { script: KEPT_SCRIPT });
    const reload = await tenant.call('POST', '/api/v1/reloads', { appId: keptAppId });
    await until('the first reload', async () => {
      const status = (await tenant.call('GET', `/api/v1/reloads/${reload.body.id}`)).body.status;
      return status === 'SUCCEEDED' ? status : undefined;
    });
    const form = new FormData();
    form.append('Json', JSON.stringify({ name: 'kept.csv' }));
    form.append('File', new Blob(['region,amount\nNorth,10\n']), 'kept.csv');
    const uploaded = await fetch(`${tenant.url}/api/v1/data-files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tenant.key}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    keptSize = ((await uploaded.json()) as { size: number }).size;
  }, 120_000);

  afterAll(async () => {
    await tenant?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** The acknowledged app and file of the set-up are intact. */
  async function expectKeptIntact(): Promise<void> {
    const metadata = await tenant.call('GET', `/api/v1/apps/${keptAppId}/data/metadata`);
    expect(metadata.status).toBe(200);
    expect(metadata.body.fields.map((field: { name: string }) => field.name).sort()).toEqual([
      'amount',
      'region',
    ]);
    const files = await tenant.call('GET', '/api/v1/data-files?name=kept.csv');
    expect(files.body.data.map((file: { size: number }) => file.size)).toEqual([keptSize]);
  }

  it('during an upload: the half-sent file is gone, acknowledged uploads are whole', async () => {
    const stalled = stalledUpload(tenant.url, tenant.key, 'half.csv');
    stalled.feed(new Uint8Array(4 * 1024 * 1024).fill(0x61));
    // Meanwhile whole uploads are acknowledged, up to the kill.
    const acknowledged: { name: string; size: number }[] = [];
    let killed = false;
    const uploader = (async () => {
      for (let i = 0; !killed; i++) {
        const name = `whole-${i}.csv`;
        const form = new FormData();
        form.append('Json', JSON.stringify({ name }));
        form.append('File', new Blob([`n\n${'1\n'.repeat(1000 + i)}`]), name);
        const answer = await fetch(`${tenant.url}/api/v1/data-files`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tenant.key}` },
          body: form,
        }).catch(() => null);
        if (answer?.status === 201) acknowledged.push({ name, size: 2 + 2 * (1000 + i) });
      }
    })();
    await until('the tenant to spool the stalled upload', async () =>
      (await spooledBytes(dataDir)) >= 1024 * 1024 ? true : undefined,
    );
    await until('some whole uploads', async () => (acknowledged.length >= 3 ? true : undefined));
    killed = true;
    await killAndRestart();
    await uploader;
    expect(await stalled.response).toBe('connection lost');

    const listed = await tenant.call('GET', '/api/v1/data-files?limit=100');
    const byName = new Map(
      listed.body.data.map((file: { name: string; size: number }) => [file.name, file.size]),
    );
    expect(byName.has('half.csv')).toBe(false);
    for (const file of acknowledged) expect(byName.get(file.name)).toBe(file.size);
    await expectKeptIntact();
    expectAgreement(await readDiskState(dataDir));
  }, 180_000);

  it('during a reload: the reload fails, the app keeps its last saved data', async () => {
    await tenant.call('POST', `/api/v1/apps/${keptAppId}/scripts`, { script: SLOW_SCRIPT });
    const reload = await tenant.call('POST', '/api/v1/reloads', { appId: keptAppId });
    expect(reload.status).toBe(201);
    await until('the reload to run', async () => {
      const status = (await tenant.call('GET', `/api/v1/reloads/${reload.body.id}`)).body.status;
      return status === 'RELOADING' ? status : undefined;
    });
    await sleep(300);
    const before = (await tenant.call('GET', `/api/v1/reloads/${reload.body.id}`)).body.status;
    expect(before).toBe('RELOADING');
    await killAndRestart();

    const after = await tenant.call('GET', `/api/v1/reloads/${reload.body.id}`);
    expect(after.body.status).toBe('FAILED');
    await expectKeptIntact();
    expectAgreement(await readDiskState(dataDir));
    // The script version the reload was to run was acknowledged: it is kept.
    const script = await tenant.call('GET', `/api/v1/apps/${keptAppId}/scripts/current`);
    expect(script.body.script).toBe(SLOW_SCRIPT);
    await tenant.call('POST', `/api/v1/apps/${keptAppId}/scripts`, { script: KEPT_SCRIPT });
  }, 180_000);

  it('during app imports: a half-sent archive leaves nothing, acknowledged imports open', async () => {
    const exported = await fetch(`${tenant.url}/api/v1/apps/${keptAppId}/export`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tenant.key}` },
    });
    expect(exported.status).toBe(201);
    const location = exported.headers.get('location')!;
    const archive = new Uint8Array(
      await (
        await fetch(`${tenant.url}${location}`, {
          headers: { authorization: `Bearer ${tenant.key}` },
        })
      ).arrayBuffer(),
    );
    const importOnce = (name: string, body: BodyInit, extra: RequestInit = {}) =>
      fetch(`${tenant.url}/api/v1/apps/import?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tenant.key}`,
          'content-type': 'application/octet-stream',
        },
        body,
        ...extra,
      });

    // One import stalls half-way through its archive.
    let feed!: ReadableStreamDefaultController<Uint8Array>;
    const stalledBody = new ReadableStream<Uint8Array>({
      start(controller) {
        feed = controller;
      },
    });
    feed.enqueue(archive.subarray(0, Math.floor(archive.length / 2)));
    const stalled = importOnce('half', stalledBody, { duplex: 'half' } as RequestInit).then(
      (answer) => answer.status,
      () => 'connection lost',
    );
    // Whole imports go on beside it until the kill.
    const acknowledged: string[] = [];
    let killed = false;
    const importers = [0, 1].map(async (worker) => {
      for (let i = 0; !killed; i++) {
        const answer = await importOnce(`whole ${worker}-${i}`, archive).catch(() => null);
        if (answer?.ok)
          acknowledged.push(
            ((await answer.json()) as { attributes: { id: string } }).attributes.id,
          );
      }
    });
    await until('some whole imports', async () => (acknowledged.length >= 4 ? true : undefined));
    killed = true;
    await killAndRestart();
    await Promise.all(importers);
    expect(await stalled).toBe('connection lost');

    const items = await tenant.call('GET', '/api/v1/items?resourceType=app&limit=100');
    const names: string[] = items.body.data.map((item: { name: string }) => item.name);
    expect(names).not.toContain('half');
    for (const id of acknowledged) {
      const metadata = await tenant.call('GET', `/api/v1/apps/${id}/data/metadata`);
      expect(metadata.status).toBe(200);
      expect(metadata.body.fields.map((field: { name: string }) => field.name).sort()).toEqual([
        'amount',
        'region',
      ]);
    }
    await expectKeptIntact();
    expectAgreement(await readDiskState(dataDir));
  }, 180_000);

  it('during metadata writes: every acknowledged write is there after the restart', async () => {
    const spaces: string[] = [];
    const users: string[] = [];
    let descriptions = 0;
    let killed = false;
    const tenantId = (await tenant.call('GET', '/api/v1/users/me')).body.tenantId;
    const writers = [0, 1, 2, 3].map(async (worker) => {
      for (let i = 0; !killed; i++) {
        const kind = (worker + i) % 3;
        const answer = await (
          kind === 0
            ? tenant.call('POST', '/api/v1/spaces', { name: `s-${worker}-${i}`, type: 'shared' })
            : kind === 1
              ? tenant.call('POST', '/api/v1/users', {
                  name: `u-${worker}-${i}`,
                  subject: `kill|${worker}-${i}`,
                  tenantId,
                })
              : tenant.call('PUT', `/api/v1/apps/${keptAppId}`, {
                  attributes: { description: `d-${worker}-${i}` },
                })
        ).catch(() => null);
        if (answer?.status === 201 && kind === 0) spaces.push(answer.body.id);
        if (answer?.status === 201 && kind === 1) users.push(answer.body.id);
        if (answer?.status === 200 && kind === 2) descriptions++;
      }
    });
    await until('writes', async () => (spaces.length + users.length >= 40 ? true : undefined));
    killed = true;
    await killAndRestart();
    await Promise.all(writers);

    for (const id of spaces)
      expect((await tenant.call('GET', `/api/v1/spaces/${id}`)).status).toBe(200);
    for (const id of users)
      expect((await tenant.call('GET', `/api/v1/users/${id}`)).status).toBe(200);
    expect(descriptions).toBeGreaterThan(0);
    const app = await tenant.call('GET', `/api/v1/apps/${keptAppId}`);
    expect(app.body.attributes.description).toMatch(/^d-\d+-\d+$/);
    await expectKeptIntact();
    expectAgreement(await readDiskState(dataDir));
  }, 180_000);
});
