// `npm start`: the embedded engine serving demo apps built from real data.
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { seedDemoApps, startEngine } from '@qlikit/engine';

const require = createRequire(import.meta.url);
const port = Number(process.env.PORT ?? 9076);
const dataDir = resolve(process.env.QLIKIT_DATA ?? '.data');
// The package exports only its JS entry (build/index.js); the data sit beside build/.
const sourceDir = join(dirname(require.resolve('vega-datasets')), '..', 'data');

const engine = await startEngine({ port, dataDir });
const apps = await seedDemoApps(engine.apps, sourceDir);
console.log(`qlikit engine listening on ${engine.url}`);
for (const app of apps)
  console.log(`  ${engine.url}/app/${app.id}  ${app.title}${app.created ? ' (built now)' : ''}`);
console.log('Connect with @qlikit/qix or enigma.js; stop with Ctrl+C.');

const stop = () => void engine.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
