// The object, layout and bundle figures of the qix client benchmark, on `ws` only (the socket
// does not change them): API objects created per second and heap bytes each holds, getLayout/s
// with delta off and on, and the browser bundles' sizes. Started by run.mjs after the call rates.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { clientsOf, loadLibraries, socketKinds } from './clients.mjs';
import { collectGarbage, loop, median, roundOrder, spread } from './measure.mjs';
import { LABEL, table } from './report.mjs';
import { startServer } from './startServer.mjs';

const { rounds, root, baselineRef } = JSON.parse(process.env.QIX_BENCH_OBJECTS ?? '{}');

const libraries = await loadLibraries({ baselineRef });
const server = await startServer();
const clients = clientsOf(socketKinds(libraries.WebSocket)[0], server.url, libraries);
const libraryNames = Object.keys(clients).filter((name) => !name.startsWith('raw'));
/** @type {Record<string, { rate: number[], bytes: number[] }>} */
const objects = Object.fromEntries(libraryNames.map((name) => [name, { rate: [], bytes: [] }]));
for (let round = 0; round < 3; round += 1) {
  for (const name of roundOrder(libraryNames, round)) {
    const { rate, bytes } = await objectBench(clients[name]);
    objects[name].rate.push(rate);
    objects[name].bytes.push(bytes);
  }
}
const layouts = await layoutBench(clients);
reportObjects(objects, layouts);
const { buildBrowserBundles } = await import(
  pathToFileURL(join(root, 'packages/qix/scripts/bundle.mjs')).href
);
reportBundles(await buildBrowserBundles());
server.stop();

async function objectBench(open) {
  const count = 10000;
  const api = await open();
  const doc = await api.openDoc();
  const held = [];
  collectGarbage(4);
  const before = process.memoryUsage().heapUsed;
  const start = performance.now();
  for (let i = 0; i < count; i += 1000) {
    held.push(
      ...(await Promise.all(Array.from({ length: 1000 }, (_, j) => doc.getObject(`o-${i + j}`)))),
    );
  }
  const rate = count / ((performance.now() - start) / 1000);
  collectGarbage(4);
  const bytes = (process.memoryUsage().heapUsed - before) / held.length;
  await api.close();
  return { rate, bytes };
}

async function layoutBench(all) {
  const runs = [];
  for (const [name, open] of Object.entries(all)) {
    if (name === 'raw corked') continue;
    for (const delta of name.startsWith('raw') ? [false] : [false, true]) {
      const client = await open({ delta });
      const doc = await client.openDoc();
      const handles = await Promise.all(
        Array.from({ length: 10 }, (_, i) => doc.getObject(`table-${i}`)),
      );
      const round = () => Promise.all(handles.map((object) => object.getLayout()));
      await loop(round, 20); // warm-up; the first delta answer carries the whole layout
      runs.push({ name, delta, client, round, count: handles.length, rates: [] });
    }
  }
  for (let round = 0; round < rounds; round += 1) {
    for (const run of roundOrder(runs, round)) {
      collectGarbage();
      const start = performance.now();
      await loop(run.round, 30);
      run.rates.push((run.count * 30) / ((performance.now() - start) / 1000));
    }
  }
  await Promise.all(runs.map((run) => run.client.close()));
  return runs;
}

function reportObjects(results, runs) {
  const names = Object.keys(results);
  table('objects on ws (10,000 GetObject, 1000 in flight)', names, [
    ['object APIs created/s', names.map((n) => spread(results[n].rate))],
    ['heap bytes per object API', names.map((n) => spread(results[n].bytes))],
  ]);
  const layoutNames = [...new Set(runs.map((run) => run.name))];
  const cell = (name, delta) =>
    spread(runs.find((run) => run.name === name && run.delta === delta)?.rates);
  table('getLayout/s on ws (200-row hypercube, 10 objects, 3 cells change per call)', layoutNames, [
    ['delta off', layoutNames.map((n) => cell(n, false))],
    ['delta on', layoutNames.map((n) => cell(n, true))],
  ]);
  const rates = (name, delta) =>
    median(runs.find((run) => run.name === name && run.delta === delta).rates);
  const qix = '@qlikit/qix';
  console.log(
    `  heap/object ${qix} / enigma.js ${(median(results[qix].bytes) / median(results['enigma.js'].bytes)).toFixed(2)} [<= 1.00]; ` +
      `getLayout ${qix} delta on/off ${(rates(qix, true) / rates(qix, false)).toFixed(2)} [>= 1.00]; ` +
      `${qix} / enigma.js delta on ${(rates(qix, true) / rates('enigma.js', true)).toFixed(2)}`,
  );
}

function reportBundles(bundles) {
  console.log(
    `\n${'browser bundle'.padEnd(LABEL)}${'minified'.padStart(10)}${'gzipped'.padStart(10)}`,
  );
  const size = (label, s) =>
    console.log(
      `${label.padEnd(LABEL)}${String(s.minified).padStart(10)}${String(s.gzipped).padStart(10)}`,
    );
  size('enigma.js enigma.min.js (no schema)', bundles.enigma);
  size('@qlikit/qix/enigma (no schema)', bundles.runtime);
  size('@qlikit/qix with generated schema', bundles.withSchema);
  console.log(
    `  gzipped @qlikit/qix/enigma / enigma.min.js ${(bundles.runtime.gzipped / bundles.enigma.gzipped).toFixed(3)}  [<= 1.00]`,
  );
}
