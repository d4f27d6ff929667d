// One round in a client process of bench/engine-server (the @qlikit/qix clients' and the
// wire floor's raw clients'): the op `ops` times on every session at once, each op's
// latency and legs recorded, with the process's CPU time and stalls around them.
import type { ClientReply } from './protocol.js';
import { watchPauses } from './pauses.js';

/** The legs of one op (SelectValues, GetLayout), ms; undefined when it failed. */
export type Legs = [number, number] | undefined;

/** Runs a round: `op(session, i)` for i below `ops`, one after another on each session. */
export async function clientRound<S extends { readonly index: number }>(
  sessions: readonly S[],
  ops: number,
  op: (session: S, i: number) => Promise<Legs>,
): Promise<Extract<ClientReply, { type: 'round' }>> {
  const latencies: number[] = [];
  // Per op: its start (ms on the clock of performance.timeOrigin), its legs, session, index.
  const detail: number[] = [];
  let errors = 0;
  const cpu = process.cpuUsage();
  const stopWatching = watchPauses();
  await Promise.all(
    sessions.map(async (session) => {
      for (let i = 0; i < ops; i++) {
        const t0 = performance.now();
        const legs = await op(session, i).catch(() => undefined);
        if (legs === undefined) {
          errors++;
          continue;
        }
        latencies.push(performance.now() - t0);
        detail.push(performance.timeOrigin + t0, legs[0], legs[1], session.index, i);
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
