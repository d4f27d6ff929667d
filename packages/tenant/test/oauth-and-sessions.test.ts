import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, oauthClientCredentials } from '@qlikit/rest';
import { upgradeStatus } from './helpers/engineSocket.js';
import { startFixture, type TenantFixture } from './helpers/tenantFixture.js';

describe('OAuth client credentials and browser sessions', () => {
  let t: TenantFixture;
  let clientId: string;
  let clientSecret: string;

  beforeAll(async () => {
    t = await startFixture();
    const created = await t.call('POST', '/api/v1/oauth-clients', {
      body: {
        clientName: 'ci bot',
        appType: 'web',
        allowedGrantTypes: ['client_credentials'],
        allowedScopes: ['user_default'],
      },
    });
    expect(created.status).toBe(201);
    clientId = created.body.clientId;
    clientSecret = created.body.clientSecret;
    expect(created.body.clientSecrets).toEqual([
      expect.objectContaining({ hint: clientSecret.slice(-5) }),
    ]);
  });
  afterAll(() => t.close());

  async function token(
    body: Record<string, string>,
    form = false,
  ): Promise<{ status: number; body: any }> {
    const response = await fetch(`${t.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
      body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  it('issues a token for client credentials (JSON or form) that the API accepts, until revoked', async () => {
    const issued = await token(
      { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
      true,
    );
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({
      token_type: 'bearer',
      expires_in: 21600,
      scope: 'user_default',
    });
    const access: string = issued.body.access_token;
    expect((await t.call('GET', '/api/v1/spaces', { key: access })).status).toBe(200);
    const revoke = await fetch(`${t.url}/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: access }),
    });
    expect(revoke.status).toBe(200);
    expect((await t.call('GET', '/api/v1/spaces', { key: access })).status).toBe(401);
  });

  it('refuses a wrong secret (401) and other grant types (400)', async () => {
    expect(
      (
        await token({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: 'nope',
        })
      ).status,
    ).toBe(401);
    expect(
      (await token({ grant_type: 'password', client_id: clientId, client_secret: clientSecret }))
        .status,
    ).toBe(400);
  });

  it("serves @qlikit/rest's oauthClientCredentials auth unchanged", async () => {
    const client = createClient({
      host: t.url,
      auth: oauthClientCredentials({ clientId, clientSecret }),
      rateLimit: false,
    });
    const spaces = await client.spaces.list();
    expect(spaces.data).toEqual([]);
  });

  it('trades a key for a session cookie; REST then needs the CSRF token on changes, the socket as a query parameter', async () => {
    const login = await fetch(`${t.url}/login/jwt-session`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.adminKey}` },
    });
    expect(login.status).toBe(200);
    const cookies = login.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
    expect(cookies.map((cookie) => cookie.split('=')[0])).toEqual([
      'eas.sid',
      'eas.sid.sig',
      '_csrfToken',
      '_csrfToken.sig',
    ]);
    const cookie = cookies.join('; ');

    expect((await t.call('GET', '/api/v1/spaces', { key: null, headers: { cookie } })).status).toBe(
      200,
    );
    const csrf = await t.call('GET', '/api/v1/csrf-token', { key: null, headers: { cookie } });
    expect(csrf.status).toBe(204);
    const csrfToken = csrf.headers.get('qlik-csrf-token')!;
    expect(csrfToken).toBeTruthy();
    const body = { name: 'From the browser', type: 'shared' };
    expect(
      (await t.call('POST', '/api/v1/spaces', { key: null, headers: { cookie }, body })).status,
    ).toBe(403);
    const created = await t.call('POST', '/api/v1/spaces', {
      key: null,
      headers: { cookie, 'qlik-csrf-token': csrfToken },
      body,
    });
    expect(created.status).toBe(201);
    // A forged signature is no session.
    const forged = cookie.replace(/eas\.sid\.sig=[^;]+/, 'eas.sid.sig=AAAA');
    expect(
      (await t.call('GET', '/api/v1/spaces', { key: null, headers: { cookie: forged } })).status,
    ).toBe(401);

    const app = await t.call('POST', '/api/v1/apps', {
      body: { attributes: { name: 'Browser app' } },
    });
    const base = `${t.url.replace('http', 'ws')}/app/${app.body.attributes.id}`;
    expect(await upgradeStatus(base, { cookie })).toBe(403);
    expect(
      await upgradeStatus(`${base}?qlik-csrf-token=${encodeURIComponent(csrfToken)}`, { cookie }),
    ).toBe(101);
    // An API key has no CSRF token.
    expect((await t.call('GET', '/api/v1/csrf-token')).status).toBe(400);
  });
});
