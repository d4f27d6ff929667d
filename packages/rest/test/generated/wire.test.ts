import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { getApp, createAppsService } from '../../src/generated/services/apps.js';
import { listItems } from '../../src/generated/services/items.js';
import { createSpace, listSpaces } from '../../src/generated/services/spaces.js';
import {
  startServer,
  type Reply,
  type SeenRequest,
  type TestServer,
} from './support/startServer.js';

const SPACES = Array.from({ length: 5 }, (_, index) => ({
  id: `s${index}`,
  name: `Space ${index}`,
  type: 'shared',
}));

function route(request: SeenRequest): Reply {
  const { pathname, searchParams } = request.url;
  if (request.method === 'GET' && pathname.startsWith('/api/v1/apps/')) {
    const appId = decodeURIComponent(pathname.slice('/api/v1/apps/'.length));
    return { status: 200, json: { attributes: { id: appId, name: `App ${appId}` } } };
  }
  if (request.method === 'GET' && pathname === '/api/v1/items') {
    return {
      status: 200,
      json: {
        data: [{ id: 'i1', resourceType: searchParams.get('resourceType') }],
        links: { self: { href: '/api/v1/items' } },
      },
    };
  }
  if (request.method === 'POST' && pathname === '/api/v1/spaces') {
    const body = JSON.parse(request.body.toString('utf8')) as { name: string; type: string };
    return { status: 201, json: { id: 'new-space', ...body } };
  }
  if (request.method === 'GET' && pathname === '/api/v1/spaces') {
    const limit = Number(searchParams.get('limit') ?? '100');
    const start = Number(searchParams.get('next') ?? '0');
    const next =
      start + limit < SPACES.length
        ? { next: { href: `/api/v1/spaces?limit=${limit}&next=${start + limit}` } }
        : {};
    return {
      status: 200,
      json: {
        data: SPACES.slice(start, start + limit),
        links: { self: { href: request.rawUrl }, ...next },
      },
    };
  }
  return { status: 404, json: { errors: [{ code: 'HTTP-404', title: 'Not found' }] } };
}

describe('generated functions over HTTP', () => {
  let server: TestServer;
  let client: ReturnType<typeof createClient>;

  beforeAll(async () => {
    server = await startServer(route);
    client = createClient({ host: server.url, auth: 'test-key', retry: false });
  });
  afterAll(() => server.close());

  it('encodes path parameters into the URL and returns the typed result', async () => {
    const app = await getApp(client, { appId: 'a b/c?d' });
    expect(app.attributes?.name).toBe('App a b/c?d');
    const seen = server.requests.at(-1) as SeenRequest;
    expect(seen.rawUrl).toBe('/api/v1/apps/a%20b%2Fc%3Fd');
    expect(seen.headers.authorization).toBe('Bearer test-key');
  });

  it('serialises query parameters, leaving out the ones not given', async () => {
    const page = await listItems(client, { resourceType: 'app', limit: 10, spaceId: undefined });
    expect(page.data.map((item) => item.resourceType)).toEqual(['app']);
    const seen = server.requests.at(-1) as SeenRequest;
    expect(seen.url.pathname).toBe('/api/v1/items');
    expect(Object.fromEntries(seen.url.searchParams)).toEqual({ resourceType: 'app', limit: '10' });
  });

  it('sends the JSON body', async () => {
    const space = await createSpace(client, {
      body: { name: 'Sales', type: 'shared', description: 'ü' },
    });
    expect(space).toMatchObject({ id: 'new-space', name: 'Sales' });
    const seen = server.requests.at(-1) as SeenRequest;
    expect(seen.method).toBe('POST');
    expect(seen.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(seen.body.toString('utf8'))).toEqual({
      name: 'Sales',
      type: 'shared',
      description: 'ü',
    });
  });

  it('iterates a list across pages by following links.next', async () => {
    const before = server.requests.length;
    const names: string[] = [];
    for await (const space of listSpaces(client, { limit: 2 })) names.push(space.name);
    expect(names).toEqual(SPACES.map((space) => space.name));
    const pageUrls = server.requests.slice(before).map((request) => request.rawUrl);
    expect(pageUrls).toEqual([
      '/api/v1/spaces?limit=2',
      '/api/v1/spaces?limit=2&next=2',
      '/api/v1/spaces?limit=2&next=4',
    ]);
  });

  it('is reachable as client.<service>.<method> on the client createClient returns', async () => {
    const app = await client.apps.get({ appId: 'via-client' });
    expect(app.attributes?.name).toBe('App via-client');
    const items = await client.items.list({ resourceType: 'app' }).all();
    expect(items.map((item) => item.id)).toEqual(['i1']);
  });

  it('exposes the same operations as methods of a service object', async () => {
    const apps = createAppsService(client);
    const app = await apps.get({ appId: 'x' });
    expect(app.attributes?.id).toBe('x');
  });
});
