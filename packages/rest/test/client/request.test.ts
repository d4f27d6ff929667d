import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type RequestLogEntry } from '../../src/index.js';
import { startTestServer, sendJson, type TestServer } from '../helpers/testServer.js';
import { getApp, listItems, updateApp, createReload } from '../helpers/operations.js';
import type { Operation } from '../../src/core/Operation.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({
    'GET /api/v1/apps/:appId': (_req, res, ctx) =>
      sendJson(res, 200, { attributes: { id: ctx.params.appId } }),
    'GET /api/v1/items': (_req, res, ctx) =>
      sendJson(res, 200, { data: [], query: [...ctx.url.searchParams] }),
    'PUT /api/v1/apps/:appId': async (req, res, ctx) =>
      sendJson(res, 200, {
        received: JSON.parse((await ctx.body()).toString()),
        ifMatch: req.headers['if-match'],
        contentType: req.headers['content-type'],
      }),
    'POST /api/v1/reloads': (_req, res) => {
      res.writeHead(204);
      res.end();
    },
  });
});
afterEach(() => server.close());

describe('request', () => {
  it('fills and encodes path parameters', async () => {
    const client = createClient({ host: server.url, auth: 'key', rateLimit: false });
    const app = await client.request<{ attributes: { id: string } }>(getApp, { appId: 'a b/c?' });
    expect(app.attributes.id).toBe('a b/c?');
    expect(server.requests[0].url.pathname).toBe('/api/v1/apps/a%20b%2Fc%3F');
  });

  it('serialises query parameters, arrays as repeated parameters, leaving out undefined', async () => {
    const client = createClient({ host: server.url, rateLimit: false });
    const page = await client.request<{ query: [string, string][] }>(listItems, {
      resourceType: ['app', 'qvapp'],
      limit: 10,
      spaceId: undefined,
      notAQueryParam: 'x',
    });
    expect(page.query).toEqual([
      ['resourceType', 'app'],
      ['resourceType', 'qvapp'],
      ['limit', '10'],
    ]);
  });

  it('joins arrays of explode: false parameters with their separator', async () => {
    server.route('GET /api/v1/spaces', (_req, res, ctx) =>
      sendJson(res, 200, { query: [...ctx.url.searchParams] }),
    );
    const getSpaces: Operation = {
      id: 'getSpaces',
      method: 'GET',
      path: '/api/v1/spaces',
      queryParams: ['roles', 'scope', 'type'],
      queryStyles: { roles: 'comma', scope: 'space' },
      response: 'json',
      tier: '1',
      limit: 1000,
    };
    const client = createClient({ host: server.url, rateLimit: false });
    const page = await client.request<{ query: [string, string][] }>(getSpaces, {
      roles: ['consumer', 'producer'],
      scope: ['user_default', 'admin_classic'],
      type: ['shared', 'managed'],
    });
    expect(page.query).toEqual([
      ['roles', 'consumer,producer'],
      ['scope', 'user_default admin_classic'],
      ['type', 'shared'],
      ['type', 'managed'],
    ]);
  });

  it('sends the body as JSON and header parameters as headers', async () => {
    const client = createClient({ host: server.url, rateLimit: false });
    const answer = await client.request<{
      received: unknown;
      ifMatch: string;
      contentType: string;
    }>(updateApp, {
      appId: 'a1',
      ifMatch: 'etag-1',
      body: { attributes: { name: 'Sales' } },
    });
    expect(answer).toEqual({
      received: { attributes: { name: 'Sales' } },
      ifMatch: 'etag-1',
      contentType: 'application/json',
    });
  });

  it('sends form and text bodies, and reads a text answer', async () => {
    server.route('POST /oauth/revoke', async (req, res, ctx) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`${req.headers['content-type']}|${(await ctx.body()).toString()}`);
    });
    const client = createClient({ host: server.url, rateLimit: false });
    const revoke: Operation = {
      id: 'revokeOauthToken',
      method: 'POST',
      path: '/oauth/revoke',
      body: 'form',
      response: 'text',
      tier: '2',
      limit: 100,
    };
    await expect(
      client.request(revoke, {
        body: { token: 'a b', token_type_hint: 'access_token', skip: undefined },
      }),
    ).resolves.toBe('application/x-www-form-urlencoded|token=a+b&token_type_hint=access_token');
    const asText: Operation = { ...revoke, id: 'text', body: 'text' };
    await expect(client.request(asText, { body: 'LOAD * INLINE [a\n1];' })).resolves.toBe(
      'text/plain;charset=UTF-8|LOAD * INLINE [a\n1];',
    );
  });

  it('returns undefined for a 204 without body', async () => {
    const client = createClient({ host: server.url, rateLimit: false });
    await expect(client.request(createReload, { body: { appId: 'a' } })).resolves.toBeUndefined();
  });

  it('rejects a missing path parameter before sending anything', async () => {
    const client = createClient({ host: server.url, rateLimit: false });
    await expect(client.request(getApp, {})).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(server.requests).toHaveLength(0);
  });

  it('accepts a bare tenant host name as an https origin', () => {
    expect(createClient({ host: 'tenant.eu.qlikcloud.com' }).baseUrl.href).toBe(
      'https://tenant.eu.qlikcloud.com/',
    );
    expect(createClient({ host: `${server.url}/` }).baseUrl.origin).toBe(server.url);
    expect(() => createClient({ host: 'https://user:pw@tenant.eu.qlikcloud.com' })).toThrow(/auth/);
  });

  it('sends the user agent and per-call headers', async () => {
    const client = createClient({ host: server.url, rateLimit: false, userAgent: 'my-tool/1.0' });
    await client.request(getApp, { appId: 'a' }, { headers: { 'X-Trace': 't1' } });
    expect(server.requests[0].headers['user-agent']).toBe('my-tool/1.0');
    expect(server.requests[0].headers['x-trace']).toBe('t1');
  });

  it('runs beforeRequest and afterResponse hooks around every request', async () => {
    const order: string[] = [];
    const client = createClient({
      host: server.url,
      rateLimit: false,
      hooks: {
        beforeRequest: (request, ctx) => {
          order.push(`before ${ctx.operation.id} ${request.method}`);
          const changed = new Request(request);
          changed.headers.set('x-added', 'yes');
          return changed;
        },
        afterResponse: (response, ctx) => {
          order.push(`after ${ctx.operation.id} ${response.status}`);
        },
      },
    });
    await client.request(getApp, { appId: 'a' });
    expect(order).toEqual(['before getApp GET', 'after getApp 200']);
    expect(server.requests[0].headers['x-added']).toBe('yes');
  });

  it('logs method, URL, status and duration without credentials', async () => {
    const entries: RequestLogEntry[] = [];
    const client = createClient({
      host: server.url,
      auth: 'secret-key-123',
      rateLimit: false,
      log: (e) => entries.push(e),
    });
    await client.request(getApp, { appId: 'a' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      method: 'GET',
      url: `${server.url}/api/v1/apps/a`,
      status: 200,
      attempt: 0,
    });
    expect(entries[0].ms).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(entries)).not.toContain('secret-key-123');
  });

  it('logs one console line per request with log: true', async () => {
    const lines: string[] = [];
    const original = console.debug;
    console.debug = (line: string) => lines.push(line);
    try {
      await createClient({ host: server.url, auth: 'secret-key-123', log: true }).request(getApp, {
        appId: 'a',
      });
    } finally {
      console.debug = original;
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^\\[qlikit/rest\\] GET ${server.url}/api/v1/apps/a 200 \\d+ms$`),
    );
  });

  it('uses a custom PATCH content type when the operation names one', async () => {
    server.route('PATCH /api/v1/apps/:appId', (req, res) =>
      sendJson(res, 200, { type: req.headers['content-type'] }),
    );
    const patch: Operation = {
      id: 'patchApp',
      method: 'PATCH',
      path: '/api/v1/apps/{appId}',
      pathParams: ['appId'],
      body: 'json',
      contentType: 'application/json-patch+json',
      response: 'json',
      tier: '2',
      limit: 100,
    };
    const client = createClient({ host: server.url, rateLimit: false });
    const answer = await client.request<{ type: string }>(patch, {
      appId: 'a',
      body: [{ op: 'replace', path: '/name', value: 'x' }],
    });
    expect(answer.type).toBe('application/json-patch+json');
  });
});
