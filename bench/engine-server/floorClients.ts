// The wire floor's clients: raw `ws` sessions (rawSession.ts) doing the
// bench's op with no client library, so what they cost is the floor of any
// client.
import { watchPauses } from './pauses.js';
import { openRawSession, rawOp, type RawSession } from './rawSession.js';
import { originFor } from './workload.js';

let sessions: RawSession[] = [];

async function round(offset: number, ops: number) {
  const latencies: number[] = [];
  const detail: number[] = [];
  let errors = 0;
  const cpu = process.cpuUsage();
  const stopWatching = watchPauses();
  await Promise.all(
    sessions.map(async (raw) => {
      for (let op = 0; op < ops; op++) {
        const t0 = performance.now();
        const legs = await rawOp(raw, originFor(raw.index, op, offset));
        if (legs) {
          latencies.push(performance.now() - t0);
          detail.push(performance.timeOrigin + t0, legs[0], legs[1], raw.index, op);
        } else errors++;
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  const pauses = stopWatching();
  return {
    type: 'round',
    latencies,
    detail,
    errors,
    cpuMs: (used.user + used.system) / 1000,
    pauses,
  };
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
            openRawSession(request.url, request.from + i + j),
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
