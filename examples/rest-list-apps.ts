// The REST client against the local tenant: who am I, the apps I can see, and
// one app's attributes — the same calls a Qlik Cloud tenant answers.
//
//   npm start                                                # in one terminal; it prints QLIK_API_KEY
//   export QLIK_API_KEY=<the key npm start printed>
//   node --conditions=source --import tsx examples/rest-list-apps.ts
import { createClient } from '@qlikit/rest';

const client = createClient({
  host: process.env.QLIKIT_TENANT_URL ?? 'http://127.0.0.1:9076',
  auth: process.env.QLIK_API_KEY ?? '',
});

// Every app item, a page of 2 at a time (the client follows links.next).
for await (const item of client.items.list({ resourceType: 'app', limit: 2 })) {
  console.log(`${item.resourceId?.padEnd(16)} ${item.name}  (space ${item.spaceId ?? 'personal'})`);
}

const app = await client.apps.get({ appId: 'flights' });
console.log('flights was last reloaded at', app.attributes?.lastReloadTime);
