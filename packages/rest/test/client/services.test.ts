import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { startTestServer, sendJson, type TestServer } from '../helpers/testServer.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({
    'GET /api/v1/items': (_req, res, ctx) => {
      const page = Number(ctx.url.searchParams.get('page') ?? 0);
      const data = [{ id: `i${page}`, resourceType: ctx.url.searchParams.get('resourceType') }];
      sendJson(res, 200, {
        data,
        links:
          page < 2 ? { next: { href: `/api/v1/items?resourceType=app&page=${page + 1}` } } : {},
      });
    },
    'GET /api/v1/items/:itemId': (req, res, ctx) =>
      sendJson(res, 200, { id: ctx.params.itemId, auth: req.headers.authorization }),
  });
});
afterEach(() => server.close());

describe('service accessors', () => {
  it('exposes the generated services on the client, built once and bound to its transport', async () => {
    const client = createClient({ host: server.url, auth: 'key-1' });
    expect(client.items).toBe(client.items);
    const item = await client.items.get({ itemId: 'abc' });
    expect(item).toMatchObject({ id: 'abc', auth: 'Bearer key-1' });
    const ids: string[] = [];
    for await (const entry of client.items.list({ resourceType: 'app' }))
      ids.push((entry as { id: string }).id);
    expect(ids).toEqual(['i0', 'i1', 'i2']);
    expect(server.seen('/api/v1/items')[0].url.searchParams.get('resourceType')).toBe('app');
  });
});
