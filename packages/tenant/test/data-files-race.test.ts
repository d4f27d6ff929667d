import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type TenantFixture } from './helpers/tenantFixture.js';

// Listing data files (like the end of every reload) reconciles records with the
// folder on disk; uploads and deletes running beside it must keep their records.
describe('data files: uploads and deletes beside the reconcile of a listing', () => {
  let t: TenantFixture;
  beforeAll(async () => {
    t = await startFixture();
  });
  afterAll(() => t.close());

  const upload = async (name: string) => {
    const form = new FormData();
    form.append('Json', JSON.stringify({ name }));
    form.append('File', new Blob([`n\n${name}\n`]), name);
    const response = await fetch(`${t.url}/api/v1/data-files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.adminKey}` },
      body: form,
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };

  it('an acknowledged upload keeps its id, a deleted file stays deleted', async () => {
    const listing = () => t.call('GET', '/api/v1/data-files?limit=100');
    const kept: string[] = [];
    for (let round = 0; round < 30; round++) {
      const [id] = await Promise.all([upload(`race-${round}.csv`), listing(), listing()]);
      kept.push(id);
      if (round % 3 === 0) {
        const gone = kept.shift()!;
        const [deleted] = await Promise.all([
          t.call('DELETE', `/api/v1/data-files/${gone}`),
          listing(),
        ]);
        expect(deleted.status).toBe(204);
      }
    }
    for (const id of kept)
      expect((await t.call('GET', `/api/v1/data-files/${id}`)).status).toBe(200);
    const listed = (await listing()).body.data.map((file: { id: string }) => file.id);
    expect(listed.sort()).toEqual([...kept].sort());
  }, 120_000);
});
