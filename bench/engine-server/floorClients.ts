// The wire floor's clients: raw `ws` sockets doing the bench's op (a
// SelectValues frame, its answer parsed, a GetLayout frame, its answer
// parsed) with no client library, so what they cost is the floor of any client.
import WebSocket from 'ws';
import { watchPauses } from './pauses.js';
import { originFor } from './workload.js';

interface Raw {
  readonly index: number;
  readonly socket: WebSocket;
  nextId: number;
  answer?: (message: { id: number; error?: unknown }) => void;
}

let sessions: Raw[] = [];

function call(raw: Raw, method: string, handle: number, params: unknown[]) {
  const id = ++raw.nextId;
  return new Promise<{ id: number; error?: unknown }>((resolve) => {
    raw.answer = resolve;
    raw.socket.send(JSON.stringify({ jsonrpc: '2.0', id, method, handle, params, delta: true }));
  });
}

async function connect(url: string, index: number): Promise<Raw> {
  const socket = new WebSocket(url);
  await new Promise((resolve) => socket.once('open', resolve));
  const raw: Raw = { index, socket, nextId: 0 };
  socket.on('message', (data) => raw.answer?.(JSON.parse(String(data)) as { id: number }));
  await call(raw, 'GetLayout', 2, []);
  return raw;
}

async function round(offset: number, ops: number) {
  const latencies: number[] = [];
  let errors = 0;
  const cpu = process.cpuUsage();
  const stopWatching = watchPauses();
  await Promise.all(
    sessions.map(async (raw) => {
      for (let op = 0; op < ops; op++) {
        const t0 = performance.now();
        const origin = originFor(raw.index, op, offset);
        const selected = await call(raw, 'SelectValues', 3, [[{ qText: origin }], false, false]);
        const layout = await call(raw, 'GetLayout', 2, []);
        if (selected.error !== undefined || layout.error !== undefined) errors++;
        else latencies.push(performance.now() - t0);
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  const pauses = stopWatching();
  return { type: 'round', latencies, errors, cpuMs: (used.user + used.system) / 1000, pauses };
}

process.on(
  'message',
  (request: {
    type: string;
    url: string;
    from: number;
    count: number;
    offset: number;
    ops: number;
  }) => {
    if (request.type === 'connect') {
      void (async () => {
        for (let i = 0; i < request.count; i += 50) {
          const batch = Array.from({ length: Math.min(50, request.count - i) }, (_, j) =>
            connect(request.url, request.from + i + j),
          );
          sessions.push(...(await Promise.all(batch)));
        }
        process.send!({ type: 'connected' });
      })();
    } else if (request.type === 'round') {
      void round(request.offset, request.ops).then((reply) => process.send!(reply));
    } else if (request.type === 'close') {
      for (const raw of sessions) raw.socket.close();
      sessions = [];
      process.send!({ type: 'closed' });
    } else if (request.type === 'exit') process.exit(0);
  },
);
process.send!({ type: 'ready' });
