// `npm start`: the local Qlik Cloud tenant (REST API and engine on one port) with the demo apps.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { seedDemo, startTenant } from '@qlikit/tenant';
import { ensureHubBuilt, hubPlugin } from '@qlikit/hub';

const require = createRequire(import.meta.url);
const port = Number(process.env.PORT ?? 9076);
const dataDir = resolve(process.env.QLIKIT_DATA ?? '.data');
// The package exports only its JS entry (build/index.js); the data sit beside build/.
const sourceDir = join(dirname(require.resolve('vega-datasets')), '..', 'data');

// The hub page is bundled on first start (and again when its sources change).
await ensureHubBuilt();
const tenant = await startTenant({
  port,
  dataDir,
  plugins: [hubPlugin({ webIntegrationId: 'qlikit-hub' })],
  // Pages of other origins that may call the tenant with its cookie (a mashup), comma-separated.
  corsOrigins: (process.env.QLIKIT_CORS_ORIGINS ?? '').split(',').filter(Boolean),
});
const apps = await seedDemo(tenant.context, tenant.admin.user, sourceDir);
const key = tenant.admin.apiKey;
console.log(`qlikit tenant listening on ${tenant.url}`);
console.log(`  hub        ${tenant.url}/  (sign in with the API key below)`);
console.log(`  REST API   ${tenant.url}/api/v1/...`);
console.log(`  engine     ${tenant.url.replace('http', 'ws')}/app/<appId>`);
console.log(`  data       ${dataDir}`);
console.log('');
console.log(`Admin API key (send it as "Authorization: Bearer <key>"):`);
console.log(key);
console.log('');
console.log('Demo apps:');
for (const app of apps)
  console.log(`  ${app.id.padEnd(16)} ${app.title}${app.created ? ' (built now)' : ''}`);
console.log('');
console.log('List them:');
console.log(`curl -H "Authorization: Bearer ${key}" "${tenant.url}/api/v1/items?resourceType=app"`);

const stop = () => void tenant.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
