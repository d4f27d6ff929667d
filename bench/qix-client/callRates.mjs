// One process's share of the call-rate figures (run.mjs starts several, one after another,
// and pools their rounds): every client of every socket kind, opened once, then rounds in
// which each runs once, in a shuffled order, after a GC in both processes. Sends its figures
// to run.mjs over IPC. A fresh process per share because a process keeps, for all its rounds,
// the state it happened to settle into (the JIT's choices, the rhythm in which client and
// server hand each other batches of frames): within one process a client's runs agree closely,
// while from process to process the same code moved by 0.85–1.15 of itself.
import { isDeepStrictEqual } from 'node:util';
import { CANNOT_CORK, clientsOf, loadLibraries, socketKinds } from './clients.mjs';
import { pipelined, roundOrder, sequential } from './measure.mjs';
import { startServer } from './startServer.mjs';

const { rounds, share, calls, steadyCalls, sequentialCalls, inFlight, only, baselineRef } =
  JSON.parse(process.env.QIX_BENCH_CALLS ?? '{}');

const libraries = await loadLibraries({ control: true, baselineRef });
const server = await startServer();
const kinds = socketKinds(libraries.WebSocket);

// Every client of every socket kind, opened once and kept open for the rounds.
const entries = [];
for (const kind of kinds) {
  for (const [name, open] of Object.entries(clientsOf(kind, server.url, libraries))) {
    if (only && !only.some((part) => `${kind.name} ${name}` === part)) continue;
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
// Answers compared by value: every client must resolve what the first (a raw client) resolves.
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
  await pipelined(entry.client.call, 10000, inFlight);
}
// A round runs the clients of one socket, then those of the other, so that the clients a
// round's ratios compare ran within a second or two of each other.
const byKind = kinds.map((kind) => entries.filter((entry) => entry.kind === kind.name));
for (let round = 0; round < rounds; round += 1) {
  const seed = (share * rounds + round) * kinds.length;
  for (const entry of byKind.flatMap((mine, k) => roundOrder(mine, seed + k))) {
    await server.settle();
    record(entry.calls, 'sequential', await sequential(entry.client.call, sequentialCalls));
    await server.settle();
    // Unmeasured calls first: right after a forced GC a client is in a state no program is in
    // (young generation shrunk, nothing of its own in the heap), and measuring from there
    // charged the typed entry 13% more CPU per call than the raw client, against 0–8% less
    // without the GC. A few thousand calls put each client back in its own steady state.
    if (steadyCalls > 0) await pipelined(entry.client.call, steadyCalls, inFlight);
    const before = await server.stats();
    const run = await pipelined(entry.client.call, calls, inFlight);
    const after = await server.stats();
    record(entry.calls, 'pipelined', run.rate);
    record(entry.calls, 'cpu', run.cpuPerCall);
    record(entry.calls, 'callsPerRead', run.callsPerRead);
    record(entry.calls, 'callsPerWrite', run.callsPerWrite);
    record(entry.calls, 'serverCpu', (after.cpu - before.cpu) / calls);
    record(
      entry.calls,
      'serverCallsPerRead',
      after.io && calls / Math.max(1, after.io.reads - before.io.reads),
    );
  }
}
await Promise.all(entries.map((entry) => entry.client.close()));
server.stop();
/** @type {NonNullable<typeof process.send>} */ (process.send)({
  kinds: kinds.map((kind) => kind.name),
  entries: entries.map(({ kind, name, calls: figures }) => ({ kind, name, calls: figures })),
});

function record(results, key, value) {
  (results[key] ??= []).push(value);
}
