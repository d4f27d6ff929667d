// A mashup: two charts of the local tenant's `flights` demo app drawn by
// nebula.js on this page, which another origin serves. As with Qlik Cloud,
// the page signs in (here with an API key, to a session cookie), takes the
// CSRF token, and opens the engine socket with the cookie, the web
// integration id and the token.
//   index.html?tenant=http://127.0.0.1:9076#key=<API key>
import enigma from '@qlikit/qix/enigma';
import { qixSchema } from '@qlikit/qix';
import { embed } from '@nebula.js/stardust';
import barchart from '@nebula.js/sn-bar-chart';
import piechart from '@nebula.js/sn-pie-chart';

const tenant = new URLSearchParams(location.search).get('tenant') ?? 'http://127.0.0.1:9076';
const apiKey = new URLSearchParams(location.hash.slice(1)).get('key') ?? '';
const webIntegrationId = 'qlikit-mashup';
const status = document.getElementById('status')!;

async function main(): Promise<void> {
  // 1. A session cookie for the tenant (same site: 127.0.0.1), from the API key.
  const login = await fetch(`${tenant}/login/jwt-session`, {
    method: 'POST',
    credentials: 'include',
    headers: { authorization: `Bearer ${apiKey}`, 'qlik-web-integration-id': webIntegrationId },
  });
  if (!login.ok) throw new Error(`sign-in refused: ${login.status}`);
  // 2. The session's CSRF token.
  const csrf = await fetch(`${tenant}/api/v1/csrf-token`, {
    credentials: 'include',
    headers: { 'qlik-web-integration-id': webIntegrationId },
  });
  const token = csrf.headers.get('qlik-csrf-token');
  if (!token) throw new Error(`no CSRF token: ${csrf.status}`);
  // 3. The engine socket, and the app.
  const url = new URL('/app/flights', tenant);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('qlik-web-integration-id', webIntegrationId);
  url.searchParams.set('qlik-csrf-token', token);
  const session = enigma.create({ schema: qixSchema, url: url.toString() });
  const global = (await session.open()) as unknown as { openDoc(id: string): Promise<object> };
  const app = await global.openDoc('flights');
  // 4. nebula.js draws two of the app's charts by their ids.
  const nebula = embed(app as never, {
    types: [
      { name: 'barchart', load: () => Promise.resolve(barchart as never) },
      { name: 'piechart', load: () => Promise.resolve(piechart as never) },
    ],
  });
  await Promise.all([
    nebula.render({ element: document.getElementById('bar')!, id: 'flights-barchart' }),
    nebula.render({ element: document.getElementById('pie')!, id: 'flights-piechart' }),
  ]);
  status.textContent = 'Two charts of the flights app, drawn by nebula.js.';
  document.body.dataset.ready = 'true';
}

main().catch((error: unknown) => {
  status.textContent = `Could not embed the charts: ${(error as Error).message}`;
  console.error(error);
});
