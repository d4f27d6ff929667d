// A raw `ws` session of bench/engine-server: the bench's op (a SelectValues
// frame, its answer parsed, a GetLayout frame, its answer parsed) with no
// client library, so what it costs is the floor of any client. It opens the
// app and the chart as a library would, so it runs against the engine as well
// as against the wire floor's server.
import WebSocket from 'ws';
import { CUBE } from './workload.js';

/** One raw session: its socket and the answer it waits for. */
export interface RawSession {
  readonly index: number;
  readonly socket: WebSocket;
  nextId: number;
  answer?: (message: { id: number; error?: unknown }) => void;
}

/** Sends one request and resolves with its parsed answer (one request at a time per session). */
export function rawCall(raw: RawSession, method: string, handle: number, params: unknown[]) {
  const id = ++raw.nextId;
  return new Promise<{ id: number; error?: unknown }>((resolve) => {
    raw.answer = resolve;
    raw.socket.send(JSON.stringify({ jsonrpc: '2.0', id, method, handle, params, delta: true }));
  });
}

/** Opens session `index` at `url`: the app, the chart (handle 2), the Origin field (handle 3), a first layout. */
export async function openRawSession(url: string, index: number): Promise<RawSession> {
  const socket = new WebSocket(`${url}/app/flights/identity/bench-raw-${index}`);
  await new Promise((resolve) => socket.once('open', resolve));
  const raw: RawSession = { index, socket, nextId: 0 };
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; error?: unknown };
    // Notifications (OnConnected) have no id: only answers end a call.
    if (message.id !== undefined) raw.answer?.(message as { id: number });
  });
  await rawCall(raw, 'OpenDoc', -1, ['flights']);
  await rawCall(raw, 'CreateSessionObject', 1, [CUBE]);
  await rawCall(raw, 'GetField', 1, ['Origin']);
  await rawCall(raw, 'GetLayout', 2, []);
  return raw;
}

/** The bench's op on a raw session; the time of each of its two calls (ms) when both answers were results. */
export async function rawOp(
  raw: RawSession,
  origin: string,
): Promise<[number, number] | undefined> {
  const t0 = performance.now();
  const selected = await rawCall(raw, 'SelectValues', 3, [[{ qText: origin }], false, false]);
  const t1 = performance.now();
  const layout = await rawCall(raw, 'GetLayout', 2, []);
  const t2 = performance.now();
  return selected.error === undefined && layout.error === undefined
    ? [t1 - t0, t2 - t1]
    : undefined;
}
