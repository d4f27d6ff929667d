import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { dataFiles } from '../../src/resources/DataFileCollection.js';
import { parseMultipart } from './support/parseMultipart.js';
import { startTinyTenant, type TinyTenant } from './support/tinyTenant.js';

describe('DataFile objects', () => {
  let tenant: TinyTenant;
  let client: ReturnType<typeof createClient>;
  let directory: string;

  beforeAll(async () => {
    tenant = await startTinyTenant();
    client = createClient({ host: tenant.url, auth: 'key', retry: false });
    directory = mkdtempSync(join(tmpdir(), 'qlikit-datafile-'));
  });
  afterAll(async () => {
    rmSync(directory, { recursive: true, force: true });
    await tenant.close();
  });

  it('uploads a file from disk as a multipart body with its metadata part', async () => {
    const path = join(directory, 'sales.csv');
    writeFileSync(path, 'region,amount\nEU,10\n');
    const file = await dataFiles(client).create({
      body: { File: { path }, Json: { name: 'sales/2024.csv', connectionId: 'c1' } },
    });
    expect(file.name).toBe('sales/2024.csv');
    expect(file.size).toBe(20);
    const upload = tenant.requests.at(-1);
    const parts = parseMultipart(upload?.body ?? Buffer.alloc(0), upload?.headers['content-type']);
    expect(parts.map((part) => part.name).sort()).toEqual(['File', 'Json']);
    expect(parts.find((part) => part.name === 'File')?.filename).toBe('sales.csv');
    expect(
      JSON.parse(parts.find((part) => part.name === 'Json')?.content.toString('utf8') ?? ''),
    ).toEqual({
      name: 'sales/2024.csv',
      connectionId: 'c1',
    });
    expect(tenant.state.dataFiles.get(file.id)?.content.toString('utf8')).toBe(
      'region,amount\nEU,10\n',
    );
  });

  it('replaces the content, lists and deletes', async () => {
    const file = await dataFiles(client).create({
      body: { File: new TextEncoder().encode('one'), Json: { name: 'a.txt' } },
    });
    await file.update({ body: { File: new Blob(['two, longer']) } });
    expect(file.size).toBe(11);
    expect(tenant.state.dataFiles.get(file.id)?.content.toString('utf8')).toBe('two, longer');
    const names: string[] = [];
    for await (const listed of dataFiles(client).list({ limit: 1 })) names.push(listed.name);
    expect(names).toContain('a.txt');
    await file.delete();
    expect(tenant.state.dataFiles.has(file.id)).toBe(false);
    await expect(dataFiles(client).get({ id: file.id })).rejects.toMatchObject({ status: 404 });
  });
});
