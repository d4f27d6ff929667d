import { afterEach, assert, beforeEach, describe, expect, it } from 'vitest';
import {
  accessToken,
  apiKey,
  combineAuth,
  cookieSession,
  createClient,
  customAuth,
  oauthClientCredentials,
  QlikApiError,
  QlikError,
} from '../../src/index.js';
import { startTestServer, sendJson, type TestServer } from '../helpers/testServer.js';
import { getApp, createReload } from '../helpers/operations.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({
    'GET /api/v1/apps/:appId': (req, res) =>
      sendJson(res, 200, { auth: req.headers.authorization ?? null }),
  });
});
afterEach(() => server.close());

describe('API key', () => {
  it('sends the key as a Bearer token, given as a string or through apiKey()', async () => {
    await createClient({ host: server.url, auth: 'k1' }).request(getApp, { appId: 'a' });
    await createClient({ host: server.url, auth: apiKey('k2') }).request(getApp, { appId: 'a' });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer k1', 'Bearer k2']);
  });
});

describe('access token', () => {
  it('asks the getter on every request and retries a 401 once with a new token', async () => {
    let current = 't1';
    server.route('GET /api/v1/apps/:appId', (req, res) => {
      if (req.headers.authorization === 'Bearer t1') {
        current = 't2';
        return sendJson(res, 401, { errors: [{ code: 'AUTH-1', title: 'expired' }] });
      }
      sendJson(res, 200, { auth: req.headers.authorization });
    });
    const client = createClient({ host: server.url, auth: accessToken(async () => current) });
    await expect(client.request(getApp, { appId: 'a' })).resolves.toEqual({ auth: 'Bearer t2' });
    expect(server.requests).toHaveLength(2);
  });
});

describe('OAuth2 client credentials', () => {
  function tokenRoute(lifetimeSeconds: number) {
    let issued = 0;
    const bodies: unknown[] = [];
    server.route('POST /oauth/token', async (req, res, ctx) => {
      bodies.push({ type: req.headers['content-type'], body: (await ctx.body()).toString() });
      issued += 1;
      // A little delay so that concurrent callers overlap with the token request.
      await new Promise((resolve) => setTimeout(resolve, 20));
      sendJson(res, 200, {
        access_token: `tok-${issued}`,
        token_type: 'bearer',
        expires_in: lifetimeSeconds,
      });
    });
    return { issued: () => issued, bodies };
  }

  it('posts the client credentials and uses the token', async () => {
    const tokens = tokenRoute(3600);
    const client = createClient({
      host: server.url,
      auth: oauthClientCredentials({
        clientId: 'id-1',
        clientSecret: 'sec-1',
        scope: 'user_default',
      }),
    });
    await expect(client.request(getApp, { appId: 'a' })).resolves.toEqual({ auth: 'Bearer tok-1' });
    expect(tokens.bodies).toHaveLength(1);
    const sent = tokens.bodies[0] as { type: string; body: string };
    expect(sent.type).toBe('application/json');
    expect(JSON.parse(sent.body)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'id-1',
      client_secret: 'sec-1',
      scope: 'user_default',
    });
  });

  it('can send the token request form-encoded', async () => {
    const tokens = tokenRoute(3600);
    const client = createClient({
      host: server.url,
      auth: oauthClientCredentials({ clientId: 'id-1', clientSecret: 'sec-1', encoding: 'form' }),
    });
    await client.request(getApp, { appId: 'a' });
    const sent = tokens.bodies[0] as { type: string; body: string };
    expect(sent.type).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(sent.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'id-1',
      client_secret: 'sec-1',
    });
  });

  it('fetches ONE token for 50 concurrent calls and caches it', async () => {
    const tokens = tokenRoute(3600);
    const client = createClient({
      host: server.url,
      auth: oauthClientCredentials({ clientId: 'c', clientSecret: 's' }),
    });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => client.request(getApp, { appId: `a${i}` })),
    );
    await client.request(getApp, { appId: 'later' });
    expect(tokens.issued()).toBe(1);
    expect(new Set(answers.map((a) => (a as { auth: string }).auth))).toEqual(
      new Set(['Bearer tok-1']),
    );
  });

  it('renews the token before it expires, using the margin', async () => {
    const tokens = tokenRoute(120);
    let now = 1_000_000;
    const client = createClient({
      host: server.url,
      auth: oauthClientCredentials({
        clientId: 'c',
        clientSecret: 's',
        refreshMarginMs: 30_000,
        now: () => now,
      }),
    });
    await client.request(getApp, { appId: 'a' });
    now += 60_000; // 60 s left: still valid
    await client.request(getApp, { appId: 'a' });
    expect(tokens.issued()).toBe(1);
    now += 35_000; // 25 s left: inside the 30 s margin
    await expect(client.request(getApp, { appId: 'a' })).resolves.toEqual({ auth: 'Bearer tok-2' });
    expect(tokens.issued()).toBe(2);
  });

  it('answers a 401 with one refresh and one retry, for all concurrent callers', async () => {
    const tokens = tokenRoute(3600);
    server.route('GET /api/v1/apps/:appId', (req, res) => {
      if (req.headers.authorization === 'Bearer tok-1')
        return sendJson(res, 401, { errors: [{ code: 'HTTP-401', title: 'Unauthorized' }] });
      sendJson(res, 200, { auth: req.headers.authorization });
    });
    const client = createClient({
      host: server.url,
      auth: oauthClientCredentials({ clientId: 'c', clientSecret: 's' }),
    });
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => client.request(getApp, { appId: 'a' })),
    );
    expect(answers.every((a) => (a as { auth: string }).auth === 'Bearer tok-2')).toBe(true);
    expect(tokens.issued()).toBe(2);
  });

  it('fails with AUTH_FAILED, without the secret, when the token is refused', async () => {
    server.route('POST /oauth/token', (_req, res) =>
      sendJson(res, 401, { errors: [{ code: 'OAUTH-1', title: 'invalid_client' }] }),
    );
    const client = createClient({
      host: server.url,
      auth: oauthClientCredentials({ clientId: 'c', clientSecret: 'top-secret' }),
    });
    const error = await client.request(getApp, { appId: 'a' }).catch((e: unknown) => e);
    assert(error instanceof QlikError, 'the refusal is a QlikError');
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toContain('OAUTH-1');
    expect(error.message).not.toContain('top-secret');
  });
});

describe('cookie session with CSRF', () => {
  it('fetches the CSRF token once, sends it with the web integration id, renews it after a CSRF 403', async () => {
    let issued = 0;
    let valid = 'csrf-1';
    server.route('GET /api/v1/csrf-token', (req, res) => {
      issued += 1;
      expect(req.headers['qlik-web-integration-id']).toBe('wi-1');
      res.writeHead(204, { 'qlik-csrf-token': valid });
      res.end();
    });
    server.route('POST /api/v1/reloads', (req, res) => {
      if (req.headers['qlik-csrf-token'] !== valid) {
        return sendJson(res, 403, { errors: [{ code: 'CSRF-1', title: 'Invalid CSRF token' }] });
      }
      sendJson(res, 201, {
        csrf: req.headers['qlik-csrf-token'],
        wi: req.headers['qlik-web-integration-id'],
      });
    });
    const client = createClient({
      host: server.url,
      auth: cookieSession({ webIntegrationId: 'wi-1' }),
    });
    await Promise.all([1, 2, 3].map(() => client.request(createReload, { body: { appId: 'a' } })));
    expect(issued).toBe(1);
    valid = 'csrf-2'; // the server rotated its token
    await expect(client.request(createReload, { body: { appId: 'a' } })).resolves.toEqual({
      csrf: 'csrf-2',
      wi: 'wi-1',
    });
    expect(issued).toBe(2);
  });

  it('does not renew the token on a 403 that is about permissions', async () => {
    let issued = 0;
    server.route('GET /api/v1/csrf-token', (_req, res) => {
      issued += 1;
      res.writeHead(204, { 'qlik-csrf-token': 'c' });
      res.end();
    });
    server.route('POST /api/v1/reloads', (_req, res) =>
      sendJson(res, 403, { errors: [{ code: 'RELOADS-403', title: 'Forbidden' }] }),
    );
    const client = createClient({
      host: server.url,
      auth: cookieSession({ webIntegrationId: 'wi' }),
    });
    await expect(client.request(createReload, { body: {} })).rejects.toBeInstanceOf(QlikApiError);
    expect(issued).toBe(1);
    expect(server.seen('/api/v1/reloads')).toHaveLength(1);
  });
});

describe('custom providers', () => {
  it('takes a plain function from request to headers', async () => {
    const client = createClient({
      host: server.url,
      auth: (request) => ({ authorization: `Signed ${request.method} ${request.url.pathname}` }),
    });
    await expect(client.request(getApp, { appId: 'x' })).resolves.toEqual({
      auth: 'Signed GET /api/v1/apps/x',
    });
  });

  it('combines providers, later headers winning', async () => {
    const client = createClient({
      host: server.url,
      auth: combineAuth(
        apiKey('k'),
        customAuth(() => ({ 'x-tenant': 't1' })),
      ),
    });
    await client.request(getApp, { appId: 'x' });
    expect(server.requests[0].headers.authorization).toBe('Bearer k');
    expect(server.requests[0].headers['x-tenant']).toBe('t1');
  });
});
