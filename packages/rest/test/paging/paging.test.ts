import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, QlikApiError } from '../../src/index.js';
import { startTestServer, sendJson, type TestServer } from '../helpers/testServer.js';
import { listItems, listGroups } from '../helpers/operations.js';
import type { Operation } from '../../src/core/Operation.js';

const TOTAL = 5000;
const PAGE = 100;

interface Item {
  readonly id: string;
  readonly n: number;
}
interface ItemsPage {
  readonly data: Item[];
  readonly links: { self: { href: string }; next?: { href: string } };
}

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({
    // links paging with relative next links, the way a proxy-hosted tenant may write them.
    'GET /api/v1/items': (_req, res, ctx) => {
      const offset = Number(ctx.url.searchParams.get('offset') ?? 0);
      const limit = Number(ctx.url.searchParams.get('limit') ?? PAGE);
      const data = Array.from({ length: Math.min(limit, TOTAL - offset) }, (_, i) => ({
        id: `item-${offset + i}`,
        n: offset + i,
      }));
      const next =
        offset + limit < TOTAL
          ? { href: `/api/v1/items?limit=${limit}&offset=${offset + limit}` }
          : undefined;
      sendJson(res, 200, {
        data,
        links: { self: { href: ctx.url.pathname + ctx.url.search }, ...(next ? { next } : {}) },
      });
    },
  });
});
afterEach(() => server.close());

describe('links paging', () => {
  it('walks 5,000 items, 100 per page, fetching each page only when the previous one is used up', async () => {
    const client = createClient({ host: server.url, rateLimit: false });
    const paged = client.paginate<ItemsPage, Item>(listItems, { limit: PAGE });
    let count = 0;
    let maxPagesAhead = 0;
    for await (const item of paged) {
      expect(item.n).toBe(count);
      count += 1;
      const pagesFetched = server.seen('/api/v1/items').length;
      // Only the page holding this item has been fetched: nothing is read ahead or kept behind.
      maxPagesAhead = Math.max(maxPagesAhead, pagesFetched - Math.ceil(count / PAGE));
    }
    expect(count).toBe(TOTAL);
    expect(server.seen('/api/v1/items')).toHaveLength(TOTAL / PAGE);
    expect(maxPagesAhead).toBe(0);
  });

  it('awaits to the first page, and gives pages() and all()', async () => {
    const client = createClient({ host: server.url, rateLimit: false });
    const first = await client.paginate<ItemsPage, Item>(listItems, { limit: 1000 });
    expect(first.data).toHaveLength(1000);
    expect(first.links.next?.href).toContain('offset=1000');

    let pages = 0;
    for await (const page of client.paginate<ItemsPage, Item>(listItems, { limit: 1000 }).pages()) {
      expect(page.data).toHaveLength(1000);
      pages += 1;
    }
    expect(pages).toBe(5);

    const all = await client.paginate<ItemsPage, Item>(listItems, { limit: 500 }).all();
    expect(all.map((item) => item.n)).toEqual(Array.from({ length: TOTAL }, (_, i) => i));
  });

  it('reuses an awaited first page when iteration follows', async () => {
    const client = createClient({ host: server.url, rateLimit: false });
    const paged = client.paginate<ItemsPage, Item>(listItems, { limit: 2500 });
    await paged;
    expect(await paged.all()).toHaveLength(TOTAL);
    expect(server.seen('/api/v1/items')).toHaveLength(2);
  });

  it('stops on a page that links to itself', async () => {
    server.route('GET /api/v1/items', (_req, res, ctx) =>
      sendJson(res, 200, {
        data: [{ id: 'x' }],
        links: { next: { href: ctx.url.pathname + ctx.url.search } },
      }),
    );
    const client = createClient({ host: server.url, rateLimit: false });
    expect(await client.paginate(listItems, { limit: 1 }).all()).toHaveLength(1);
  });

  it('throws a QlikApiError from a failing later page, and retries a 503 on it', async () => {
    let calls = 0;
    server.route('GET /api/v1/items', (_req, res, ctx) => {
      calls += 1;
      const offset = Number(ctx.url.searchParams.get('offset') ?? 0);
      if (offset === 10 && calls === 2)
        return sendJson(res, 503, { errors: [{ code: 'HTTP-503', title: 'busy' }] });
      if (offset === 20)
        return sendJson(res, 400, { errors: [{ code: 'ITEMS-400', title: 'bad cursor' }] });
      sendJson(res, 200, {
        data: [{ n: offset }],
        links: { next: { href: `/api/v1/items?offset=${offset + 10}` } },
      });
    });
    const client = createClient({
      host: server.url,
      rateLimit: false,
      retry: { minDelayMs: 1, maxDelayMs: 2 },
    });
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const item of client.paginate(listItems, {})) seen.push(item);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([{ n: 0 }, { n: 10 }]);
    expect(error).toBeInstanceOf(QlikApiError);
    expect(error).toMatchObject({ code: 'ITEMS-400', status: 400 });
  });
});

describe('cursor paging', () => {
  it('sends the cursor from links.next back in the `next` parameter, keeping the other arguments and our host', async () => {
    server.route('GET /api/v1/groups', (_req, res, ctx) => {
      const cursor = Number(ctx.url.searchParams.get('next') ?? 0);
      const limit = Number(ctx.url.searchParams.get('limit'));
      const data = Array.from({ length: limit }, (_, i) => ({ n: cursor + i }));
      const more = cursor + limit < 250;
      // The link names another host: the client must keep talking to the one it was given.
      const links = more
        ? { next: { href: `https://elsewhere.example/api/v1/groups?next=${cursor + limit}` } }
        : {};
      sendJson(res, 200, { data, links });
    });
    const client = createClient({ host: server.url, auth: 'k', rateLimit: false });
    const items = await client.paginate<unknown, { n: number }>(listGroups, { limit: 50 }).all();
    expect(items.map((item) => item.n)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    const requests = server.seen('/api/v1/groups');
    expect(requests).toHaveLength(5);
    expect(requests.every((r) => r.url.searchParams.get('limit') === '50')).toBe(true);
    expect(requests.map((r) => r.url.searchParams.get('next'))).toEqual([
      null,
      '50',
      '100',
      '150',
      '200',
    ]);
  });

  it("reads a cursor from meta.next and sends it in the operation's cursorParam", async () => {
    server.route('GET /api/v1/automations', (_req, res, ctx) => {
      const cursor = ctx.url.searchParams.get('cursor');
      if (cursor === null) return sendJson(res, 200, { data: [1, 2], meta: { next: 'c2' } });
      if (cursor === 'c2') return sendJson(res, 200, { data: [3], meta: {} });
      sendJson(res, 400, { errors: [{ code: 'BAD', title: 'bad cursor' }] });
    });
    const automations: Operation = {
      id: 'getAutomations',
      method: 'GET',
      path: '/api/v1/automations',
      queryParams: ['cursor', 'limit'],
      response: 'json',
      tier: '1',
      limit: 1000,
      paging: 'cursor',
      cursorParam: 'cursor',
    };
    const client = createClient({ host: server.url, rateLimit: false });
    expect(await client.paginate(automations, {}).all()).toEqual([1, 2, 3]);
  });
});
