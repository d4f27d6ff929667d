// Client benchmark: @qlikit/qix (its enigma-compatible entry and its typed entry), enigma.js
// 2.15 and two raw clients (plain ws + JSON, and the same corking its socket) side by side,
// on `ws` and on the platform's global WebSocket, against server.mjs (a stand-in engine
// that answers instantly, in a child process). See README.md for what each figure means.
//   node bench/qix-client/run.mjs
// Re-runs itself with --expose-gc (heap per object) and, on Node 20, --experimental-websocket
// (the global WebSocket is behind that flag there; Node 22 has it on by default).
import { execSync, fork } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { importQixBundle } from './bundleQix.mjs';
import { CANNOT_CORK, openRaw, socketKinds, wrapApi } from './clients.mjs';
import {
  collectGarbage,
  loop,
  median,
  pipelined,
  roundOrder,
  sequential,
  spread,
} from './measure.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
/**
 * Rounds per figure; clients alternate within each round and each figure is the median of its
 * rounds. Odd, so that the median is one round's figure; 11 because with 7 rounds of 15,000
 * calls the per-round ratios spread from 0.59 to 1.32 on a quiet machine and the median moved
 * by a tenth from one run to the next.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11);
/** Long enough (about 0.3 s) that a major GC or a scheduling hiccup is a small part of a run. */
const PIPELINED_CALLS = 30000;
const IN_FLIGHT = 1000;
const SEQUENTIAL_CALLS = 2000;
const TARGET = 0.95;
/** While working on one client: BENCH_ONLY='ws raw corked,ws @qlikit' runs those alone (no report of the rest). */
const only = process.env.BENCH_ONLY?.split(',');

async function main() {
  const { default: WebSocket } = await import('ws');
  const { default: enigma } = await import('enigma.js');
  const qix = await importQixBundle('qix');
  // BENCH_BASELINE=<git ref>: the typed entry as it was at that commit runs too, to show a change costs nothing.
  const baselineRef = process.env.BENCH_BASELINE;
  const baseline = baselineRef && (await buildBaseline(baselineRef));
  const { buildBrowserBundles } = await import(
    pathToFileURL(join(root, 'packages/qix/scripts/bundle.mjs')).href
  );

  const server = fork(join(here, 'server.mjs'), [], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    execArgv: ['--expose-gc'],
  });
  /** Both processes collect their garbage, so that no run pays for the one before it on either side. */
  const settle = async () => {
    const done = new Promise((resolve) => server.once('message', resolve));
    server.send('gc');
    await done;
    collectGarbage();
  };
  const port = await new Promise((resolve) =>
    /** @type {import('node:stream').Readable} */ (server.stdout).once('data', (data) =>
      resolve(Number(String(data))),
    ),
  );
  const url = `ws://127.0.0.1:${port}/app/engineData`;
  const kinds = socketKinds(WebSocket);

  /** The clients of one socket kind: name → open({ delta }). */
  const clientsOf = (kind) => {
    const clients = {
      'raw plain': (options) => openRaw(kind, url, options),
    };
    clients['raw corked'] = (options) => openRaw(kind, url, { ...options, cork: true });
    /** A session made by an enigma-style `create()`, or by `openSession()` of the typed entry. */
    const enigmaStyle =
      (create) =>
      async ({ delta = true } = {}) => {
        const session = create({
          schema: qix.qixSchema,
          url,
          createSocket: kind.createSocket,
          protocol: { delta },
        });
        return wrapApi(session, await session.open());
      };
    const typed =
      (openSession) =>
      async ({ delta = true } = {}) => {
        const session = openSession({
          url,
          createSocket: kind.createSocket,
          delta,
          reconnect: false,
        });
        return wrapApi(session, await session.open());
      };
    clients['enigma.js'] = enigmaStyle((config) => enigma.create(config));
    clients['@qlikit/qix/enigma'] = enigmaStyle((config) => qix.qixEnigma.create(config));
    clients['@qlikit/qix'] = typed(qix.openSession);
    if (baseline) clients[`@qlikit/qix@${baselineRef}`] = typed(baseline.openSession);
    return clients;
  };

  console.log(
    `qix client benchmark, Node ${process.version} (${process.execArgv.join(' ')}), server in a child process.\n` +
      `Each figure: median [min–max] of ${ROUNDS} rounds; within a round every client runs once (one socket's clients, then the other's, each in a shuffled order), after a GC in both processes.\n` +
      `Global WebSocket: ${kinds.length > 1 ? 'measured' : 'absent on this Node (not measured)'}.`,
  );

  // Every client of every socket kind, opened once and kept open for the call-rate rounds.
  const entries = [];
  for (const kind of kinds) {
    for (const [name, open] of Object.entries(clientsOf(kind))) {
      if (only && !only.some((part) => `${kind.name} ${name}`.includes(part))) continue;
      let client;
      try {
        client = await open();
      } catch (error) {
        // The raw corked client, where the socket's TCP socket can't be found: not measured.
        if (/** @type {Error} */ (error).message !== CANNOT_CORK) throw error;
        continue;
      }
      entries.push({ kind: kind.name, name, client, calls: {} });
    }
  }
  // Answers compared by value: every client must resolve what the raw client resolves.
  const expected = await entries[0].client.call();
  for (const entry of entries) {
    const answer = await entry.client.call();
    if (!isDeepStrictEqual(answer, expected)) {
      throw new Error(`${entry.kind} ${entry.name} answered ${JSON.stringify(answer)}`);
    }
  }
  // Warm-up: the server process and every client's code paths, before any figure.
  for (const entry of entries) {
    await sequential(entry.client.call, 1000);
    await pipelined(entry.client.call, 10000, IN_FLIGHT);
  }
  // A round runs the clients of one socket, then those of the other, so that the clients a
  // round's ratios compare ran within a few seconds of each other.
  const byKind = kinds.map((kind) => entries.filter((entry) => entry.kind === kind.name));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const entry of byKind.flatMap((mine, k) => roundOrder(mine, round * kinds.length + k))) {
      await settle();
      record(entry.calls, 'sequential', await sequential(entry.client.call, SEQUENTIAL_CALLS));
      await settle();
      const { rate, cpuPerCall } = await pipelined(entry.client.call, PIPELINED_CALLS, IN_FLIGHT);
      record(entry.calls, 'pipelined', rate);
      record(entry.calls, 'cpu', cpuPerCall);
    }
  }
  await Promise.all(entries.map((entry) => entry.client.close()));
  if (only) {
    for (const entry of entries)
      console.log(
        `${entry.kind} ${entry.name}: ${spread(entry.calls.pipelined)} calls/s, ${spread(entry.calls.cpu, 2)} µs CPU/call`,
      );
    server.kill();
    return;
  }
  reportCalls(kinds, entries);

  // Objects, heap and layouts: on ws only (the socket does not change them).
  const wsClients = clientsOf(kinds[0]);
  const libraries = Object.keys(wsClients).filter((name) => !name.startsWith('raw'));
  const objects = Object.fromEntries(libraries.map((name) => [name, {}]));
  for (let round = 0; round < 3; round += 1) {
    for (const name of roundOrder(libraries, round)) {
      const { rate, bytes } = await objectBench(wsClients[name]);
      record(objects[name], 'rate', rate);
      record(objects[name], 'bytes', bytes);
    }
  }
  const layouts = await layoutBench(wsClients);
  reportObjects(objects, layouts);

  const bundles = await buildBrowserBundles();
  server.kill();
  reportBundles(bundles);
}

/** Bundles packages/qix/src as it was at a git ref (e.g. main), for a side-by-side run. */
function buildBaseline(ref) {
  const dir = join(here, '.build', 'baseline');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execSync(
    `git -C ${JSON.stringify(root)} archive ${ref} packages/qix/src | tar -x -C ${JSON.stringify(dir)}`,
  );
  return importQixBundle('qix-baseline', dir);
}

function record(results, key, value) {
  (results[key] ??= []).push(value);
}

// ---- objects and layouts ----

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

async function layoutBench(clients) {
  const runs = [];
  for (const [name, open] of Object.entries(clients)) {
    if (name === 'raw corked') continue;
    for (const delta of name.startsWith('raw') ? [false] : [false, true]) {
      const client = await open({ delta });
      const doc = await client.openDoc();
      const objects = await Promise.all(
        Array.from({ length: 10 }, (_, i) => doc.getObject(`table-${i}`)),
      );
      const round = () => Promise.all(objects.map((object) => object.getLayout()));
      await loop(round, 20); // warm-up; the first delta answer carries the whole layout
      runs.push({ name, delta, client, round, count: objects.length, rates: [] });
    }
  }
  for (let round = 0; round < ROUNDS; round += 1) {
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

// ---- report ----

const COLUMN = 24;
const LABEL = 38;

function table(title, columns, rows) {
  console.log(`\n${title}`);
  console.log(`${''.padEnd(LABEL)}${columns.map((c) => c.padStart(COLUMN)).join('')}`);
  for (const [label, cells] of rows) {
    console.log(`${label.padEnd(LABEL)}${cells.map((c) => c.padStart(COLUMN)).join('')}`);
  }
}

function reportCalls(kinds, entries) {
  for (const kind of kinds) {
    const mine = entries.filter((entry) => entry.kind === kind.name);
    table(
      `calls/s on ${kind.name} (EngineVersion, answered at once)`,
      mine.map((entry) => entry.name),
      [
        ['sequential', mine.map((entry) => spread(entry.calls.sequential))],
        [`pipelined (${IN_FLIGHT} in flight)`, mine.map((entry) => spread(entry.calls.pipelined))],
        ['  client CPU µs per pipelined call', mine.map((entry) => spread(entry.calls.cpu, 2))],
      ],
    );
    const byName = Object.fromEntries(mine.map((entry) => [entry.name, entry.calls.pipelined]));
    const raws = mine.filter((entry) => entry.name.startsWith('raw'));
    const best = raws.reduce((a, b) =>
      median(b.calls.pipelined) > median(a.calls.pipelined) ? b : a,
    );
    console.log(
      `  pipelined ratios (the better raw client here: ${best.name}${raws.length > 1 ? '' : '; its TCP socket could not be found to cork'}):`,
    );
    for (const name of ['@qlikit/qix/enigma', '@qlikit/qix', 'enigma.js']) {
      console.log(
        `    ${`${name} / ${best.name}`.padEnd(40)}${ratioLine(byName[name], best.calls.pipelined, name === 'enigma.js' ? '' : `  [>= ${TARGET}]`)}`,
      );
    }
    console.log(
      `    ${'@qlikit/qix/enigma / enigma.js'.padEnd(40)}${ratioLine(byName['@qlikit/qix/enigma'], byName['enigma.js'], '')}`,
    );
    const baselineName = Object.keys(byName).find((name) => name.startsWith('@qlikit/qix@'));
    if (baselineName) {
      console.log(
        `    ${`@qlikit/qix / ${baselineName}`.padEnd(40)}${ratioLine(byName['@qlikit/qix'], byName[baselineName], '  [no loss: >= 1.00 within noise]')}`,
      );
    }
    // The same comparison in CPU time per call (raw over library: higher is better, 1.00 = as
    // cheap as the floor), against the raw client that costs least: on a loaded machine the
    // uncorked one can win on calls/s (the server process is then the bottleneck) while it
    // costs the client much more CPU per call.
    const cpu = Object.fromEntries(mine.map((entry) => [entry.name, entry.calls.cpu]));
    const floor = raws.reduce((a, b) => (median(b.calls.cpu) < median(a.calls.cpu) ? b : a));
    console.log(
      `  client CPU per pipelined call, ${floor.name} / library (>= 1.00: no dearer than the floor):`,
    );
    for (const name of ['@qlikit/qix/enigma', '@qlikit/qix', 'enigma.js']) {
      console.log(
        `    ${`${floor.name} / ${name}`.padEnd(40)}${ratioLine(cpu[floor.name], cpu[name], '')}`,
      );
    }
    if (baselineName) {
      console.log(
        `    ${`${baselineName} / @qlikit/qix`.padEnd(40)}${ratioLine(cpu[baselineName], cpu['@qlikit/qix'], '  [no loss: >= 1.00 within noise]')}`,
      );
    }
  }
}

/** The ratio of the medians, and the median [min–max] of the per-round ratios. */
function ratioLine(ours, theirs, target) {
  const perRound = ours.map((value, i) => value / theirs[i]);
  return `${(median(ours) / median(theirs)).toFixed(3)}  (per round ${spread(perRound, 3)})${target}`;
}

function reportObjects(objects, layouts) {
  const names = Object.keys(objects);
  table('objects on ws (10,000 GetObject, 1000 in flight)', names, [
    ['object APIs created/s', names.map((n) => spread(objects[n].rate))],
    ['heap bytes per object API', names.map((n) => spread(objects[n].bytes))],
  ]);
  const layoutNames = [...new Set(layouts.map((run) => run.name))];
  const cell = (name, delta) =>
    spread(layouts.find((run) => run.name === name && run.delta === delta)?.rates);
  table('getLayout/s on ws (200-row hypercube, 10 objects, 3 cells change per call)', layoutNames, [
    ['delta off', layoutNames.map((n) => cell(n, false))],
    ['delta on', layoutNames.map((n) => cell(n, true))],
  ]);
  const rates = (name, delta) =>
    median(layouts.find((run) => run.name === name && run.delta === delta).rates);
  const qix = '@qlikit/qix';
  console.log(
    `  heap/object ${qix} / enigma.js ${(median(objects[qix].bytes) / median(objects['enigma.js'].bytes)).toFixed(2)} [<= 1.00]; ` +
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

const flags = ['--expose-gc'];
if (
  typeof globalThis.WebSocket !== 'function' &&
  process.allowedNodeEnvironmentFlags.has('--experimental-websocket')
) {
  flags.push('--experimental-websocket');
}
if (typeof globalThis.gc !== 'function') {
  const child = fork(fileURLToPath(import.meta.url), process.argv.slice(2), { execArgv: flags });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  await main();
}
