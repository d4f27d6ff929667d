// How long a deep copy of one GetLayout answer (the 200-row hypercube of layout.mjs, as
// parsed from JSON) takes, per way to copy: qlikit's copyJson walk (what the enigma entry
// hands out for each delta-patched result), a JSON round trip (what enigma.js does) and
// structuredClone. Every copy is compared by value with the layout once, before timing.
// Run: node bench/qix-client/copies.mjs [rounds=15]
import { build } from 'esbuild';
import { isDeepStrictEqual } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { makeLayout } from './layout.mjs';
import { median, roundOrder } from './measure.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const built = await build({
  entryPoints: [join(here, '../../packages/qix/src/delta/copyJson.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
});
const { copyJson } = await import(
  `data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`
);

const text = JSON.stringify(makeLayout('object-1'));
const layout = JSON.parse(text);
const ways = {
  'copyJson walk': (value) => copyJson(value),
  'JSON round trip': (value) => JSON.parse(JSON.stringify(value)),
  structuredClone: (value) => structuredClone(value),
};
for (const [name, copy] of Object.entries(ways)) {
  const copied = copy(layout);
  if (copied === layout || !isDeepStrictEqual(copied, layout))
    throw new Error(`${name} is no copy`);
}

const rounds = Number(process.argv[2] ?? 15);
const copiesPerRound = 300;
/** @type {Record<string, number[]>} */
const times = Object.fromEntries(Object.keys(ways).map((name) => [name, []]));
let sink = 0;
for (let round = 0; round < rounds; round += 1) {
  for (const name of roundOrder(Object.keys(ways), round)) {
    const copy = ways[name];
    const start = performance.now();
    for (let i = 0; i < copiesPerRound; i += 1) sink += copy(layout).qHyperCube.qSize.qcy;
    times[name].push(((performance.now() - start) * 1000) / copiesPerRound);
  }
}
console.log(
  `Deep copy of one ${text.length}-byte GetLayout answer (200-row hypercube), µs per copy: ` +
    `median [min–max] of ${rounds} alternating rounds × ${copiesPerRound} copies (checksum ${sink})`,
);
for (const [name, list] of Object.entries(times)) {
  const sorted = [...list].sort((a, b) => a - b);
  console.log(
    `  ${name.padEnd(16)} ${median(list).toFixed(1).padStart(7)}  [${sorted[0].toFixed(1)}–${sorted[sorted.length - 1].toFixed(1)}]`,
  );
}
