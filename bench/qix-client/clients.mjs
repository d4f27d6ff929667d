// The clients of the qix client benchmark, each behind one small interface:
//   { call(): Promise<qVersion>, openDoc(): Promise<{ getObject(id) }>, close() }
// so that every client does the same work: the same request frames on the wire, and
// each call resolves with the same value (the unwrapped result), compared by callRates.mjs.
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importQixBundle } from './bundleQix.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

/** The name of the control: a second copy of the typed entry, its own module instance. */
export const CONTROL = '@qlikit/qix (copy)';

/**
 * The libraries the clients use: ws, enigma.js, @qlikit/qix bundled from this checkout, a
 * second bundle of it (the control, with `control`), and with `baselineRef` the typed entry
 * as it was at that git ref.
 * @param {{ control?: boolean, baselineRef?: string }} [options]
 */
export async function loadLibraries({ control = false, baselineRef } = {}) {
  const { default: WebSocket } = await import('ws');
  const { default: enigma } = await import('enigma.js');
  return {
    WebSocket,
    enigma,
    qix: await importQixBundle('qix'),
    copy: control ? await importQixBundle('qix-copy') : undefined,
    baselineRef,
    baseline: baselineRef ? await importBaseline(baselineRef) : undefined,
  };
}

/** Bundles packages/qix/src as it was at a git ref (e.g. main), for a side-by-side run. */
function importBaseline(ref) {
  const dir = join(here, '.build', 'baseline');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execSync(
    `git -C ${JSON.stringify(root)} archive ${ref} packages/qix/src | tar -x -C ${JSON.stringify(dir)}`,
  );
  return importQixBundle('qix-baseline', dir);
}

/** The clients of one socket kind, name → open({ delta }): the raw ones, then the libraries. */
export function clientsOf(kind, url, libraries) {
  const { enigma, qix, copy, baseline, baselineRef } = libraries;
  const clients = {
    'raw plain': (options) => openRaw(kind, url, options),
    'raw corked': (options) => openRaw(kind, url, { ...options, cork: true }),
  };
  /** A session made by an enigma-style `create()`. */
  const enigmaStyle =
    (create, schema) =>
    async ({ delta = true } = {}) => {
      const session = create({ schema, url, createSocket: kind.createSocket, protocol: { delta } });
      return wrapApi(session, await session.open());
    };
  /** A session made by `openSession()` of the typed entry (reconnect off). */
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
  clients['enigma.js'] = enigmaStyle((config) => enigma.create(config), qix.qixSchema);
  clients['@qlikit/qix/enigma'] = enigmaStyle(
    (config) => qix.qixEnigma.create(config),
    qix.qixSchema,
  );
  clients['@qlikit/qix'] = typed(qix.openSession);
  if (copy) clients[CONTROL] = typed(copy.openSession);
  if (baseline) clients[`@qlikit/qix@${baselineRef}`] = typed(baseline.openSession);
  return clients;
}

/** A socket factory per kind: `ws` (the package) and the platform's global WebSocket. */
export function socketKinds(WebSocket) {
  const kinds = [
    {
      name: 'ws',
      createSocket: (url) => new WebSocket(url, { perMessageDeflate: false }),
    },
  ];
  if (typeof globalThis.WebSocket === 'function') {
    kinds.push({
      name: 'global WebSocket',
      createSocket: (url) => new globalThis.WebSocket(url),
    });
  }
  return kinds;
}

/**
 * The floor: JSON.stringify + send, JSON.parse + a Map lookup + resolve with the
 * unwrapped result. No API objects, no delta patching. It sends the frames the
 * libraries send (`delta` as the session's protocol says, on every request, as both
 * libraries do) and resolves what they resolve, so the server does the same work for
 * every client. With `cork`, the frames written in one
 * synchronous run leave in one TCP write (the socket is corked until a microtask),
 * as a hand-written client that knows the socket's internals would do (`ws`, and the
 * global WebSocket where it is undici 6); it throws CANNOT_CORK where there is no
 * TCP socket to find.
 */
export async function openRaw(kind, url, { cork = false, delta = true } = {}) {
  const socket = kind.createSocket(url);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  const pending = new Map();
  let lastId = 0;
  const receive = (text) => {
    const message = JSON.parse(text);
    const entry = pending.get(message.id);
    if (entry === undefined) return;
    pending.delete(message.id);
    if (message.error) entry.reject(new Error(message.error.message));
    else entry.resolve(message.result);
  };
  // The same receive paths as @qlikit/qix: ws's own 'message' event, else onmessage.
  if (typeof socket.on === 'function') socket.on('message', (data) => receive(String(data)));
  else socket.onmessage = (event) => receive(event.data);
  const write = cork ? corkedWriter(socket) : (frame) => socket.send(frame);
  const call = (method, handle, params) =>
    new Promise((resolve, reject) => {
      lastId += 1;
      pending.set(lastId, { resolve, reject });
      write(JSON.stringify({ jsonrpc: '2.0', id: lastId, method, handle, params, delta }));
    });
  return {
    call: async () => (await call('EngineVersion', -1, [])).qVersion,
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
        socket.onclose = resolve;
        socket.close();
      }),
  };
}

/** Thrown by openRaw({ cork: true }) on a socket whose TCP socket can't be found. */
export const CANNOT_CORK = 'cannot cork';

/**
 * The TCP socket under an open WebSocket, found as a hand-written client that knows the
 * implementation would: `ws` keeps it in `_socket`; Node's global WebSocket (undici 6, as in
 * Node 20.20) in the `socket` of the HTTP response it keeps under a symbol described
 * as "response". Undefined elsewhere (another implementation or version).
 */
function tcpSocketOf(socket) {
  const corkable = (value) =>
    typeof value?.cork === 'function' && typeof value?.uncork === 'function' ? value : undefined;
  const response = Object.getOwnPropertySymbols(socket).find(
    (symbol) => symbol.description === 'response',
  );
  return corkable(socket._socket) ?? (response && corkable(socket[response]?.socket));
}

function corkedWriter(socket) {
  const tcp = tcpSocketOf(socket);
  if (tcp === undefined) {
    socket.close();
    throw new Error(CANNOT_CORK);
  }
  let corked = false;
  const flush = () => {
    corked = false;
    tcp.uncork();
  };
  return (frame) => {
    if (!corked) {
      corked = true;
      tcp.cork();
      queueMicrotask(flush);
    }
    socket.send(frame);
  };
}

/** A library session behind the common interface: `global.engineVersion()` and friends. */
export function wrapApi(session, global) {
  return {
    call: () => global.engineVersion(),
    openDoc: () => global.openDoc('bench.qvf'),
    close: () => session.close(),
  };
}
