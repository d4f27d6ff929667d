// `npm run bench [-- <suite>...]`: runs the benchmark suites one after another,
// each in its own process, each printing its figures next to its anchors.
// Suites: the keys of SUITES below (all by default).
import { spawnSync } from 'node:child_process';

const TSX = ['--conditions=source', '--import', 'tsx'];
const SUITES = {
  'qix-client': ['bench/qix-client/run.mjs'],
  'qix-schema': [...TSX, 'packages/qix/codegen/bench/schemaSize.ts'],
  engine: ['bench/engine/run.mjs'],
  'engine-sources': ['--expose-gc', ...TSX, 'bench/engine/sources.ts'],
  'engine-shapes': ['--expose-gc', ...TSX, 'bench/engine/shapes/run.ts'],
  'engine-threads': ['--expose-gc', ...TSX, 'bench/engine/threads.ts'],
  'engine-server': [...TSX, 'bench/engine-server/run.ts'],
  'engine-fuzz': [...TSX, '--expose-gc', 'bench/engine-server/fuzz.ts'],
  'rest-client': [...TSX, 'bench/rest-client/run.ts'],
  tenant: [...TSX, 'bench/tenant/run.ts'],
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in SUITES));
if (unknown.length > 0) {
  console.error(`Unknown suite: ${unknown.join(', ')}. Suites: ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const name of asked.length > 0 ? asked : Object.keys(SUITES)) {
  console.log(`\n=== bench/${name}`);
  const { status } = spawnSync(process.execPath, SUITES[name], { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`bench/${name} exited with ${status}`);
    failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);
