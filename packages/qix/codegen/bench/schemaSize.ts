/**
 * Size and load cost of the generated method table, side by side with what an
 * enigma.js program ships: the newest schema JSON bundled with enigma.js.
 * Run: npx tsx packages/qix/codegen/bench/schemaSize.ts (from the repo root).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { encodeSchema } from '../encodeSchema.js';
import { decodeSchema } from '../../src/schema/decodeSchema.js';
import { qixSchema, QIX_VERSION } from '../../src/generated/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const ENIGMA_SCHEMA = '12.2027.0';

function gzipped(text: string): number {
  return gzipSync(text, { level: 9 }).length;
}

async function minifiedModule(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

function medianMicros(iterations: number, run: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

function row(label: string, bytes: number, gz: number, anchorGz: number): string {
  return `${label.padEnd(46)} ${String(bytes).padStart(8)} B ${String(gz).padStart(7)} B gz   ${(gz / anchorGz).toFixed(2)}x`;
}

const require = createRequire(import.meta.url);
const enigmaJson = JSON.stringify(
  JSON.parse(
    readFileSync(
      join(dirname(require.resolve('enigma.js/package.json')), 'schemas', `${ENIGMA_SCHEMA}.json`),
      'utf8',
    ),
  ),
);
const enigmaStructs = (JSON.parse(enigmaJson) as { structs: Record<string, unknown> }).structs;
const sameClasses = JSON.stringify({
  structs: Object.fromEntries(
    Object.keys(qixSchema.structs).map((name) => [name, enigmaStructs[name]]),
  ),
});
const ourModule = await minifiedModule(resolve(here, '..', '..', 'src', 'generated', 'schema.ts'));
const ourJson = JSON.stringify(qixSchema);
const encoded = encodeSchema(qixSchema);

const anchorGz = gzipped(enigmaJson);
console.log(
  `method table size (engine ${QIX_VERSION}; anchor: enigma.js schemas/${ENIGMA_SCHEMA}.json, minified JSON)`,
);
console.log(row(`anchor enigma.js ${ENIGMA_SCHEMA}.json`, enigmaJson.length, anchorGz, anchorGz));
console.log(
  row(
    `  same 9 classes only (no enums, no QV classes)`,
    sameClasses.length,
    gzipped(sameClasses),
    anchorGz,
  ),
);
console.log(row('qixSchema as plain enigma JSON', ourJson.length, gzipped(ourJson), anchorGz));
console.log(
  row(
    'src/generated/schema.ts (esbuild bundle+minify)',
    ourModule.length,
    gzipped(ourModule),
    anchorGz,
  ),
);

const ITERATIONS = 200;
const parseAnchor = medianMicros(ITERATIONS, () => JSON.parse(enigmaJson));
const parseOurs = medianMicros(ITERATIONS, () => JSON.parse(ourJson));
const decodeOurs = medianMicros(ITERATIONS, () => decodeSchema(QIX_VERSION, encoded));
console.log(`\nload cost, median of ${ITERATIONS} runs`);
console.log(
  `anchor JSON.parse(enigma ${ENIGMA_SCHEMA}.json)   ${parseAnchor.toFixed(0).padStart(6)} us   1.00x`,
);
console.log(
  `JSON.parse(qixSchema as JSON)             ${parseOurs.toFixed(0).padStart(6)} us   ${(parseOurs / parseAnchor).toFixed(2)}x`,
);
console.log(
  `decodeSchema(compact strings)             ${decodeOurs.toFixed(0).padStart(6)} us   ${(decodeOurs / parseAnchor).toFixed(2)}x`,
);
