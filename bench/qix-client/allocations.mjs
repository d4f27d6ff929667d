// Development aid: bytes each client allocates per pipelined call, the client's own work only.
//   node --expose-gc --max-semi-space-size=256 --min-semi-space-size=256 bench/qix-client/allocations.mjs
// The socket is an in-process stand-in (no ws, no undici, no server process) that answers
// EngineVersion as server.mjs does, all frames of a burst in one macrotask, so what is counted
// is the client's work: building and sending frames, parsing answers, settling promises. The
// young generation is made big enough that a run of 20,000 calls collects no garbage, so the
// heap's growth over the run is what was allocated. The stand-in's own allocation (its answer
// texts and buffers) is the same for every client. Unlike CPU time this figure does not move
// with the machine's load, so it shows what a change to the call path saves.
import { importQixBundle } from './bundleQix.mjs';
import { openRaw, wrapApi } from './clients.mjs';
import { median, pipelined } from './measure.mjs';

const CALLS = 20000;

/** A socket that answers each EngineVersion frame, a burst at a time, the way `ws` delivers (Buffers, `on('message')`). */
function standInSocket() {
  const answers = [];
  const listeners = [];
  let scheduled = false;
  const deliver = () => {
    scheduled = false;
    for (const text of answers.splice(0)) {
      const data = Buffer.from(text);
      for (const listener of listeners) listener(data, false);
    }
  };
  const socket = {
    readyState: 0,
    // Corkable, as ws's TCP socket is, so that both corking paths run.
    _socket: { cork() {}, uncork() {} },
    on(event, listener) {
      if (event === 'message') listeners.push(listener);
    },
    send(frame) {
      const { id } = JSON.parse(frame);
      answers.push(
        `{"jsonrpc":"2.0","id":${id},"result":{"qVersion":{"qComponentVersion":"12.2528.0"}}}`,
      );
      if (!scheduled) {
        scheduled = true;
        setImmediate(deliver);
      }
    },
    close() {
      socket.readyState = 3;
      setImmediate(() => socket.onclose?.({ code: 1000, reason: '', wasClean: true }));
    },
  };
  setImmediate(() => {
    socket.readyState = 1;
    socket.onopen?.({});
  });
  return socket;
}

const qix = await importQixBundle('qix-allocations');
const kind = { name: 'stand-in', createSocket: standInSocket };
const url = 'ws://stand-in/app/engineData';
const enigmaSession = qix.qixEnigma.create({
  schema: qix.qixSchema,
  url,
  createSocket: standInSocket,
});
const typedSession = qix.openSession({ url, createSocket: standInSocket, reconnect: false });
const clients = {
  'raw corked': await openRaw(kind, url, { cork: true }),
  '@qlikit/qix/enigma': wrapApi(enigmaSession, await enigmaSession.open()),
  '@qlikit/qix': wrapApi(typedSession, await typedSession.open()),
};
for (const client of Object.values(clients)) {
  for (let i = 0; i < 5; i += 1) await pipelined(client.call, CALLS, 1000);
}
console.log(
  `bytes allocated per pipelined call (1000 in flight), median [min–max] of 5 runs of ${CALLS}:`,
);
for (const [name, client] of Object.entries(clients)) {
  const bytes = [];
  for (let run = 0; run < 5; run += 1) {
    /** @type {() => void} */ (globalThis.gc)();
    const before = process.memoryUsage().heapUsed;
    await pipelined(client.call, CALLS, 1000);
    bytes.push((process.memoryUsage().heapUsed - before) / CALLS);
  }
  const sorted = [...bytes].sort((a, b) => a - b);
  console.log(
    `  ${name.padEnd(22)}${median(bytes).toFixed(0).padStart(6)} [${sorted[0].toFixed(0)}–${/** @type {number} */ (sorted.at(-1)).toFixed(0)}]`,
  );
}
await Promise.all(Object.values(clients).map((client) => client.close()));
