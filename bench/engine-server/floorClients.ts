// The wire floor's clients: raw `ws` sessions (rawSession.ts) doing the
// bench's op with no client library, so what they cost is the floor of any
// client.
import { clientRound } from './clientRound.js';
import { openRawSession, rawOp, type RawSession } from './rawSession.js';
import { originFor } from './workload.js';

let sessions: RawSession[] = [];

function round(offset: number, ops: number) {
  return clientRound(sessions, ops, (raw, op) => rawOp(raw, originFor(raw.index, op, offset)));
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
