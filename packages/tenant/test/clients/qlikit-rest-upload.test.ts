import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, dataFiles } from '@qlikit/rest';
import { startFixture, type TenantFixture } from '../helpers/tenantFixture.js';

const SIZE = 200 * 1024 * 1024;
const MiB = 1024 * 1024;

/** CSV rows generated on the fly up to `size` bytes, hashed as they go; nothing is kept. */
async function* generatedCsv(size: number, hash: ReturnType<typeof createHash>) {
  const header = Buffer.from('id,region,amount\n');
  hash.update(header);
  yield header;
  let sent = header.length;
  for (let id = 0; sent < size; id++) {
    const rows: string[] = [];
    for (let i = 0; i < 4096; i++, id++) rows.push(`${id},region ${id % 97},${(id * 7) % 1000}\n`);
    let chunk = Buffer.from(rows.join(''));
    if (sent + chunk.length > size) chunk = chunk.subarray(0, size - sent);
    hash.update(chunk);
    sent += chunk.length;
    yield chunk;
  }
}

/** The sha256 of a file on disk, streamed. */
async function fileHash(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

describe('@qlikit/rest: a 200 MB generated upload to the tenant in flat memory', () => {
  let t: TenantFixture;
  beforeAll(async () => {
    t = await startFixture();
  });
  afterAll(() => t.close());

  it('streams from the generator through the client and the tenant to disk', async () => {
    const client = createClient({ host: t.url, auth: t.adminKey, rateLimit: false });
    const sent = createHash('sha256');
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 25);
    try {
      const file = await dataFiles(client).create({
        body: { Json: { name: 'big.csv' }, File: generatedCsv(SIZE, sent) },
      });
      expect(file.details).toMatchObject({ name: 'big.csv', size: SIZE });
    } finally {
      clearInterval(sampler);
    }
    // Client and tenant share this process: neither may hold the file. The
    // bound leaves room for stream buffers and the test runner, not the upload.
    const growth = (peak - baseline) / MiB;
    expect(growth).toBeLessThan(64);

    const stored = (
      await readdir(join(t.dataDir, 'files'), { recursive: true, withFileTypes: true })
    )
      .filter((entry) => entry.isFile() && entry.name === 'big.csv')
      .map((entry) => join(entry.parentPath, entry.name));
    expect(stored).toHaveLength(1);
    expect(await fileHash(stored[0]!)).toBe(sent.digest('hex'));
  }, 300_000);
});
