#!/usr/bin/env node
// qlikit-tenant: a local Qlik Cloud on one port. Flags: --port N, --host H, --data DIR, --no-demo.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { seedDemo } from '../demo/seedDemo.js';
import { startTenant } from '../startTenant.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '9076' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: process.env.QLIKIT_DATA ?? '.data' },
    'no-demo': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('usage: qlikit-tenant [--port <n>] [--host <address>] [--data <dir>] [--no-demo]');
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`qlikit-tenant: --port must be a port number, not ${values.port}`);
  process.exit(2);
}

const tenant = await startTenant({ port, host: values.host, dataDir: values.data! });
if (!values['no-demo']) {
  // The demo apps load vega-datasets' files; without that package the tenant starts empty.
  const require = createRequire(import.meta.url);
  let sourceDir: string | undefined;
  try {
    sourceDir = join(dirname(require.resolve('vega-datasets')), '..', 'data');
  } catch {
    console.log('vega-datasets is not installed: starting without the demo apps');
  }
  if (sourceDir) await seedDemo(tenant.context, tenant.admin.user, sourceDir);
}
console.log(`qlikit tenant listening on ${tenant.url}`);
console.log(`  admin API key: ${tenant.admin.apiKey}`);
console.log(
  // Quoted: an unquoted `?` is a glob to zsh and fish.
  `  curl -H "Authorization: Bearer ${tenant.admin.apiKey}" "${tenant.url}/api/v1/items?resourceType=app"`,
);

const stop = () => void tenant.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
