// Client benchmark: the raw `ws` + JSON floor, enigma.js 2.15 and @qlikit/qix side by side,
// against server.mjs (a stand-in engine that answers instantly, in a child process).
//   node bench/qix-client/run.mjs
// Re-runs itself with --expose-gc when needed (for the heap-per-object figure).
import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** Rounds per figure; each figure is the median, which resists load from other processes. */
const ROUNDS = 5;
const root = join(here, '..', '..');

if (typeof globalThis.gc !== 'function') {
  const child = fork(fileURLToPath(import.meta.url), process.argv.slice(2), {
    execArgv: ['--expose-gc'],
  });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  await main();
}

async function main() {
  const { build } = await import('esbuild');
  const { default: WebSocket } = await import('ws');
  const { default: enigma } = await import('enigma.js');
  // The TypeScript sources, bundled for Node as a user would get them from dist/.
  // Written next to this script so that the bundle resolves `ws` from the repo's node_modules.
  const outfile = join(here, '.build', 'qix.mjs');
  await build({
    entryPoints: [join(root, 'packages/qix/src/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['ws'],
    outfile,
    logLevel: 'error',
  });
  const qix = await import(pathToFileURL(outfile).href);
  const { buildBrowserBundles } = await import(
    pathToFileURL(join(root, 'packages/qix/scripts/bundle.mjs')).href
  );

  const server = fork(join(here, 'server.mjs'), [], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const port = await new Promise((resolve) =>
    server.stdout.once('data', (data) => resolve(Number(String(data)))),
  );
  const url = `ws://127.0.0.1:${port}/app/engineData`;
  const createSocket = (socketUrl) => new WebSocket(socketUrl, { perMessageDeflate: false });

  const clients = {
    'raw ws + JSON': {
      open: (options) => openRaw(WebSocket, url, options),
    },
    'enigma.js': {
      open: async ({ delta = true } = {}) => {
        const session = enigma.create({
          schema: qix.qixSchema,
          url,
          createSocket,
          protocol: { delta },
        });
        return wrapApi(session, await session.open());
      },
    },
    '@qlikit/qix': {
      open: async ({ delta = true } = {}) => {
        const session = qix.openSession({ url, createSocket, delta, reconnect: false });
        return wrapApi(session, await session.open());
      },
    },
  };
  const names = Object.keys(clients);
  const results = Object.fromEntries(names.map((name) => [name, {}]));

  console.log(
    `qix client benchmark (server in a child process, Node ${process.version}); median of ${ROUNDS} interleaved rounds\n`,
  );

  // Warm the server process up first, so that the first client measured is not penalised.
  const warm = await clients['raw ws + JSON'].open();
  await pipelined(warm.call, 30000, 1000);
  await warm.close();

  // Rounds interleave the clients (raw, enigma, qlikit, raw, ...) so that load from other
  // processes on the machine hits all of them alike; each figure is the best of its rounds.
  const open = Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await clients[name].open()])),
  );
  for (const name of names) {
    await sequential(open[name].call, 1000);
    await pipelined(open[name].call, 10000, 1000);
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    // The order rotates per round, so that no client always runs right after another.
    for (const name of rotate(names, round)) {
      record(results[name], 'sequential', await sequential(open[name].call, 2000));
      record(results[name], 'pipelined', await pipelined(open[name].call, 15000, 1000));
    }
  }
  await Promise.all(names.map((name) => open[name].close()));

  for (const name of names) {
    if (name === 'raw ws + JSON') continue;
    results[name].objects = await objectBench(clients[name]);
  }

  const layoutRuns = [];
  for (const name of names) {
    for (const delta of name === 'raw ws + JSON' ? [false] : [false, true]) {
      const client = await clients[name].open({ delta });
      const doc = await client.openDoc();
      const objects = await Promise.all(
        Array.from({ length: 10 }, (_, i) => doc.getObject(`table-${i}`)),
      );
      const round = () => Promise.all(objects.map((object) => object.getLayout()));
      await loop(round, 20); // warm-up; the first delta answer carries the whole layout
      layoutRuns.push({
        name,
        key: delta ? 'layoutDelta' : 'layoutFull',
        client,
        round,
        count: objects.length,
      });
    }
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const run of rotate(layoutRuns, round)) {
      const start = performance.now();
      await loop(run.round, 30);
      record(results[run.name], run.key, (run.count * 30) / ((performance.now() - start) / 1000));
    }
  }
  for (const name of names) {
    for (const key of ['sequential', 'pipelined', 'layoutFull', 'layoutDelta']) {
      if (results[name][key]) results[name][key] = median(results[name][key]);
    }
  }
  await Promise.all(layoutRuns.map((run) => run.client.close()));

  const bundles = await buildBrowserBundles();
  server.kill();
  report(results, bundles);
}

// ---- measurements ----

async function sequential(call, count) {
  const start = performance.now();
  for (let i = 0; i < count; i += 1) await call();
  return count / ((performance.now() - start) / 1000);
}

function pipelined(call, total, inFlight) {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    let started = 0;
    let done = 0;
    const next = () => {
      if (started >= total) return;
      started += 1;
      call().then(() => {
        done += 1;
        if (done === total) resolve(total / ((performance.now() - start) / 1000));
        else next();
      }, reject);
    };
    for (let i = 0; i < inFlight; i += 1) next();
  });
}

async function objectBench(client) {
  const count = 10000;
  const api = await client.open();
  const doc = await api.openDoc();
  const held = [];
  collect();
  const before = process.memoryUsage().heapUsed;
  const start = performance.now();
  for (let i = 0; i < count; i += 1000) {
    held.push(
      ...(await Promise.all(Array.from({ length: 1000 }, (_, j) => doc.getObject(`o-${i + j}`)))),
    );
  }
  const rate = count / ((performance.now() - start) / 1000);
  collect();
  const bytes = (process.memoryUsage().heapUsed - before) / count;
  const retained = held.length;
  await api.close();
  return { rate, bytes, retained };
}

function collect() {
  for (let i = 0; i < 4; i += 1) globalThis.gc();
}

async function loop(fn, times) {
  for (let i = 0; i < times; i += 1) await fn();
}

function rotate(list, by) {
  const shift = by % list.length;
  return [...list.slice(shift), ...list.slice(0, shift)];
}

function record(results, key, value) {
  (results[key] ??= []).push(value);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// ---- clients ----

function wrapApi(session, global) {
  return {
    call: () => global.engineVersion(),
    openDoc: () => global.openDoc('bench.qvf'),
    close: () => session.close(),
  };
}

/** The floor: JSON.stringify + send, JSON.parse + a Map lookup + resolve. No API objects, no delta. */
async function openRaw(WebSocket, url) {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const pending = new Map();
  let lastId = 0;
  socket.on('message', (data) => {
    const message = JSON.parse(data);
    const resolve = pending.get(message.id);
    if (resolve) {
      pending.delete(message.id);
      resolve(message.result);
    }
  });
  const call = (method, handle, params) =>
    new Promise((resolve) => {
      lastId += 1;
      pending.set(lastId, resolve);
      socket.send(JSON.stringify({ jsonrpc: '2.0', id: lastId, method, handle, params }));
    });
  return {
    call: () => call('EngineVersion', -1, []),
    openDoc: async () => {
      const { qReturn } = await call('OpenDoc', -1, ['bench.qvf']);
      return {
        getObject: async (id) => {
          const result = await call('GetObject', qReturn.qHandle, [id]);
          const handle = result.qReturn.qHandle;
          return { getLayout: async () => (await call('GetLayout', handle, [])).qLayout };
        },
      };
    },
    close: () =>
      new Promise((resolve) => {
        socket.once('close', resolve);
        socket.close();
      }),
  };
}

// ---- report ----

function report(results, bundles) {
  const names = Object.keys(results);
  const cell = (value, digits = 0) =>
    (value === undefined ? 'n/a' : value.toFixed(digits)).padStart(16);
  const line = (label, values, digits) =>
    console.log(`${label.padEnd(34)}${values.map((v) => cell(v, digits)).join('')}`);
  console.log(`${''.padEnd(34)}${names.map((name) => name.padStart(16)).join('')}`);
  line(
    'sequential calls/s',
    names.map((n) => results[n].sequential),
  );
  line(
    'pipelined calls/s (1000 in flight)',
    names.map((n) => results[n].pipelined),
  );
  line(
    'object APIs created/s',
    names.map((n) => results[n].objects?.rate),
  );
  line(
    'heap bytes per object API',
    names.map((n) => results[n].objects?.bytes),
  );
  line(
    'getLayout/s 200 rows, delta off',
    names.map((n) => results[n].layoutFull),
  );
  line(
    'getLayout/s 200 rows, delta on',
    names.map((n) => results[n].layoutDelta),
  );

  const raw = results['raw ws + JSON'];
  const enigma = results['enigma.js'];
  const qlikit = results['@qlikit/qix'];
  const ratio = (a, b) => (a / b).toFixed(2);
  console.log('\nratios (target in brackets)');
  console.log(
    `  pipelined   qlikit / raw floor          ${ratio(qlikit.pipelined, raw.pipelined)}  [>= 0.90]`,
  );
  console.log(
    `  pipelined   qlikit / enigma.js          ${ratio(qlikit.pipelined, enigma.pipelined)}  [>= 1.30]`,
  );
  console.log(
    `  sequential  qlikit / raw floor          ${ratio(qlikit.sequential, raw.sequential)}`,
  );
  console.log(
    `  sequential  qlikit / enigma.js          ${ratio(qlikit.sequential, enigma.sequential)}`,
  );
  console.log(
    `  objects/s   qlikit / enigma.js          ${ratio(qlikit.objects.rate, enigma.objects.rate)}`,
  );
  console.log(
    `  heap/object qlikit / enigma.js          ${ratio(qlikit.objects.bytes, enigma.objects.bytes)}  [<= 1.00]`,
  );
  console.log(
    `  getLayout   qlikit delta on / off       ${ratio(qlikit.layoutDelta, qlikit.layoutFull)}  [>= 1.00]`,
  );
  console.log(
    `  getLayout   enigma.js delta on / off    ${ratio(enigma.layoutDelta, enigma.layoutFull)}`,
  );
  console.log(
    `  getLayout   qlikit / enigma.js, delta on ${ratio(qlikit.layoutDelta, enigma.layoutDelta)}`,
  );

  console.log(
    `\n${'browser bundle'.padEnd(40)}${'minified'.padStart(10)}${'gzipped'.padStart(10)}`,
  );
  const size = (label, s) =>
    console.log(
      `${label.padEnd(40)}${String(s.minified).padStart(10)}${String(s.gzipped).padStart(10)}`,
    );
  size('enigma.js enigma.min.js (no schema)', bundles.enigma);
  size('@qlikit/qix runtime (no schema)', bundles.runtime);
  size('@qlikit/qix with generated schema', bundles.withSchema);
  console.log(
    `  gzipped runtime / enigma.min.js          ${ratio(bundles.runtime.gzipped, bundles.enigma.gzipped)}  [<= 1.00; <= 9,164 bytes]`,
  );
}
