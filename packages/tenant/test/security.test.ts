import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specOperations } from '../src/generated/operations.js';
import { RouteTable } from '../src/routes/RouteTable.js';
import type { TenantContext } from '../src/services/TenantContext.js';
import { tenantRoutes, type TenantServices } from '../src/services/tenantRoutes.js';
import { upgradeStatus } from './helpers/engineSocket.js';
import { startFixture, type TenantFixture } from './helpers/tenantFixture.js';

/** The operations the route table serves without credentials (they take their own: client secrets, a key to trade). */
function publicOperations(): Set<string> {
  const routes = new RouteTable();
  // Registering only records the routes; nothing reads the context until a request.
  tenantRoutes(routes, {} as TenantContext, {} as TenantServices);
  return new Set(
    routes.routes
      .filter((route) => !route.authenticated)
      .map((route) => `${route.operation.method} ${route.operation.path}`),
  );
}

const MASHUP = 'http://mashup.example:8080';

/** A concrete URL for a spec path: every `{param}` filled in. */
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, 'x1');

describe('credentials, limits and origins', () => {
  let t: TenantFixture;
  let appId: string;
  beforeAll(async () => {
    t = await startFixture({
      limits: { jsonBody: 64 * 1024, upload: 256 * 1024 },
      corsOrigins: [MASHUP],
    });
    appId = (await t.call('POST', '/api/v1/apps', { body: { attributes: { name: 'Guarded' } } }))
      .body.attributes.id;
  });
  afterAll(() => t.close());

  it('answers 401 to every operation of the specs without credentials, implemented or not, and with a revoked key', async () => {
    const open = publicOperations();
    expect([...open].sort()).toEqual([
      'POST /login/jwt-session',
      'POST /oauth/revoke',
      'POST /oauth/token',
    ]);
    const revoked = t.user('revoked');
    const keyId = JSON.parse(Buffer.from(revoked.key.split('.')[1]!, 'base64url').toString()).jti;
    expect((await t.call('DELETE', `/api/v1/api-keys/${keyId}`)).status).toBe(204);
    const check = async (operation: (typeof specOperations)[number]): Promise<string[]> => {
      const name = `${operation.method} ${operation.path}`;
      const url = concrete(operation.path);
      const bare = await t.call(operation.method, url, { key: null });
      // These answer for the credentials they were sent: none is never a success.
      if (open.has(name))
        return bare.status >= 400 && bare.status < 500 ? [] : [`${name} → ${bare.status}`];
      const stale = await t.call(operation.method, url, { key: revoked.key });
      const wrong: string[] = [];
      if (bare.status !== 401) wrong.push(`${name} without a key → ${bare.status}`);
      else if (bare.body?.errors?.[0]?.code !== 'HTTP-401') wrong.push(`${name}: body`);
      if (stale.status !== 401) wrong.push(`${name} with a revoked key → ${stale.status}`);
      return wrong;
    };
    const wrong: string[] = [];
    // A few at a time: the walk is ~1400 requests.
    for (let i = 0; i < specOperations.length; i += 16)
      wrong.push(...(await Promise.all(specOperations.slice(i, i + 16).map(check))).flat());
    expect(wrong).toEqual([]);
    expect(specOperations.length).toBeGreaterThan(600);
  });

  it('refuses a key with a character added to, or changed in, any of its three parts', async () => {
    const key = t.user('altered').key;
    expect((await t.call('GET', '/api/v1/items', { key })).status).toBe(200);
    const parts = key.split('.');
    const altered = parts.flatMap((part, index) => {
      const spell = (text: string) => parts.map((p, i) => (i === index ? text : p)).join('.');
      return [
        spell(`${part}A`),
        spell(`${part}=`),
        spell(`${part.slice(0, -1)}${part.endsWith('A') ? 'B' : 'A'}`),
      ];
    });
    for (const token of altered)
      expect((await t.call('GET', '/api/v1/items', { key: token })).status, token).toBe(401);
  });

  it('refuses the engine socket without valid credentials on every URL form', async () => {
    const ws = t.url.replace('http', 'ws');
    const forged = t.adminKey.slice(0, -4) + (t.adminKey.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const path of [
      `/app/${appId}`,
      `/app/${appId}/identity/someone`,
      `/app/${appId}/ttl/60`,
      '/app/',
      '/app/engineData',
      '/app/SessionApp_1234',
      `/app/${appId}?qlik-csrf-token=guess&qlik-web-integration-id=x`,
    ]) {
      expect(await upgradeStatus(`${ws}${path}`), path).toBe(401);
      expect(await upgradeStatus(`${ws}${path}`, { authorization: `Bearer ${forged}` }), path).toBe(
        401,
      );
      expect(
        await upgradeStatus(`${ws}${path}`, { cookie: 'eas.sid=forged; _csrfToken=x' }),
        path,
      ).toBe(401);
    }
    expect(
      await upgradeStatus(`${ws}/app/${appId}`, { authorization: `Bearer ${t.adminKey}` }),
    ).toBe(101);
  });

  it('answers 413 to a JSON body or an upload over the limits, and keeps nothing of it', async () => {
    const huge = await t.call('POST', '/api/v1/spaces', {
      body: { name: 'x'.repeat(100 * 1024), type: 'shared' },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.errors[0]).toMatchObject({ code: 'HTTP-413', status: '413' });
    const upload = await fetch(`${t.url}/api/v1/temp-contents?filename=big.bin`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${t.adminKey}`,
        'content-type': 'application/octet-stream',
      },
      body: new Uint8Array(300 * 1024),
    });
    expect(upload.status).toBe(413);
    const spaces = await t.call('GET', '/api/v1/spaces');
    expect(spaces.body.data).toEqual([]);
  });

  it('answers 429 with Retry-After past a tier limit, per user', async () => {
    const limited = await startFixture({ rateLimit: { scale: 0.003 } });
    try {
      // tier 1 is 1000 a minute: scaled, 3 requests; the 4th waits.
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await limited.call('GET', '/api/v1/items')).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await limited.call('GET', '/api/v1/spaces');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.body.errors[0]).toMatchObject({ code: 'HTTP-429', status: '429' });
      // Another user has a budget of its own.
      const other = limited.user('other');
      expect((await limited.call('GET', '/api/v1/items', { key: other.key })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('refuses file names that would leave their folder (400) and finds nothing at ids that try (404)', async () => {
    const upload = (filename: string) =>
      fetch(`${t.url}/api/v1/temp-contents?filename=${encodeURIComponent(filename)}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${t.adminKey}`,
          'content-type': 'application/octet-stream',
        },
        body: 'x',
      });
    for (const name of ['../../evil.txt', '/etc/passwd', 'a\\..\\b', '..', 'nul\u0000.txt'])
      expect((await upload(name)).status, name).toBe(400);
    expect((await upload('report 2026.csv')).status).toBe(201);
    for (const path of [
      '/api/v1/temp-contents/..%2F..%2Ftenant.db',
      '/api/v1/data-files/..%2Ftenant.db',
      '/api/v1/apps/..%2F..%2Ftenant.db',
      '/api/v1/apps/..%2F..%2Ftenant.db/scripts',
    ])
      expect((await t.call('GET', path)).status, path).toBe(404);
    const imported = await t.call('POST', '/api/v1/apps/import?fileId=..%2F..%2Ftenant.db');
    expect(imported.status).toBe(400);
    expect(await readdir(t.dataDir)).not.toContain('evil.txt');
  });

  it('opens the engine socket to pages of its own origin and of configured origins only', async () => {
    const socket = `${t.url.replace('http', 'ws')}/app/${appId}`;
    const withOrigin = (origin: string) =>
      upgradeStatus(socket, { authorization: `Bearer ${t.adminKey}`, origin });
    expect(await withOrigin(t.url)).toBe(101);
    expect(await withOrigin(MASHUP)).toBe(101);
    expect(await withOrigin('http://evil.example')).toBe(403);
    expect(await withOrigin(t.url.replace(/:\d+$/, ':1'))).toBe(403);
  });

  it('grants CORS to configured origins only: their pages get the headers and preflights, others none', async () => {
    const get = (origin: string) => t.call('GET', '/api/v1/items', { headers: { origin } });
    const allowed = await get(MASHUP);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(MASHUP);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const foreign = await get('http://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();

    const preflight = (origin: string) =>
      fetch(`${t.url}/api/v1/spaces`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, qlik-csrf-token',
        },
      });
    const ok = await preflight(MASHUP);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    expect(ok.headers.get('access-control-allow-headers')).toContain('qlik-csrf-token');
    const refused = await preflight('http://evil.example');
    expect(refused.status).not.toBe(204);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});
