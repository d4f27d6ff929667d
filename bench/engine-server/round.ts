// One round of bench/engine-server: every client process runs its ops against one engine,
// with the engine's CPU, the latencies and the stalls measured around it.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Pauses } from './pauses.js';
import { ask, askClient, type Engine } from './processes.js';
import { percentile, spread } from './stats.js';
import { tailOf, type RoundFile, type Tail } from './tail.js';

const profileDir = process.env.BENCH_PROF;
const detailDir = process.env.BENCH_DETAIL;

/** What one measured round of ops gave, per op and in all. */
export interface Round {
  /** The engine's CPU time per op (its process, all threads), ms. */
  serverCpuPerOp: number;
  /** The part of it spent in the kernel (socket reads and writes), ms. */
  serverSystemPerOp: number;
  /** The client processes' CPU time per op, ms. */
  clientCpuPerOp: number;
  opsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** The server's stalls in the round. */
  serverPauses: Pauses;
  /** The client processes' garbage collector pauses, added up over them, and the longest. */
  clientGcMs: number;
  clientGcMaxMs: number;
  /** What the round's slowest 1% of ops had in common. */
  tail: Tail;
}

/** Starts (before a measured round) or stops and writes (after it) the CPU profiles of the engine and clients. */
export async function profileRound(
  engine: Engine,
  clients: ChildProcess[],
  stop?: { sessions: number; round: number },
): Promise<void> {
  if (!profileDir) return;
  mkdirSync(profileDir, { recursive: true });
  const name = (process: string) =>
    join(
      profileDir,
      `${stop!.sessions}-${engine.name.replace(' ', '-')}-r${stop!.round}-${process}.cpuprofile`,
    );
  await Promise.all(
    [engine.child, ...clients].map((child, i) =>
      stop
        ? ask(child, { type: 'profile-stop', file: name(i === 0 ? 'engine' : `client${i}`) })
        : ask(child, { type: 'profile-start' }),
    ),
  );
}

/** One round: `ops` select+layout ops per session on `engine`, over every client process, measured. */
export async function round(
  engine: Engine,
  clients: ChildProcess[],
  offset: number,
  ops: number,
): Promise<Round> {
  await ask(engine.child, { type: 'pauses-start' });
  const cpuBefore = await ask<{ ms: number; systemMs: number }>(engine.child, { type: 'cpu' });
  const start = performance.now();
  const replies = await Promise.all(
    clients.map((client) =>
      askClient(client, { type: 'round', engine: engine.name, offset, ops }, 'round'),
    ),
  );
  const elapsed = (performance.now() - start) / 1000;
  const cpuAfter = await ask<{ ms: number; systemMs: number }>(engine.child, { type: 'cpu' });
  const serverPauses = await ask<Pauses>(engine.child, { type: 'pauses-stop' });
  const latencies = replies.flatMap((reply) => reply.latencies).sort((a, b) => a - b);
  const records: RoundFile = {
    start: performance.timeOrigin + start,
    ops: replies.map((reply) => reply.detail),
    gcs: [serverPauses.gcs, ...replies.map((reply) => reply.pauses.gcs)],
  };
  if (detailDir) {
    mkdirSync(detailDir, { recursive: true });
    writeFileSync(
      join(detailDir, `${engine.name.replace(' ', '-')}-${ops}-r${offset}-${Date.now()}.json`),
      JSON.stringify(records),
    );
  }
  const done = Math.max(1, latencies.length);
  return {
    serverCpuPerOp: (cpuAfter.ms - cpuBefore.ms) / done,
    serverSystemPerOp: (cpuAfter.systemMs - cpuBefore.systemMs) / done,
    clientCpuPerOp: replies.reduce((sum, reply) => sum + reply.cpuMs, 0) / done,
    opsPerSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors: replies.reduce((sum, reply) => sum + reply.errors, 0),
    serverPauses,
    clientGcMs: replies.reduce((sum, reply) => sum + reply.pauses.gcMs, 0),
    clientGcMaxMs: Math.max(...replies.map((reply) => reply.pauses.gcMaxMs)),
    tail: tailOf(records),
  };
}

/** The stalls of a side's rounds: GC pauses per round (median [min–max]) and the longest, event-loop delay. */
export function stallsText(rounds: readonly Round[], server: string): string {
  const max = (values: number[]) => Math.max(...values).toFixed(1);
  return (
    `stalls: ${server} GC ${spread(
      rounds.map((x) => x.serverPauses.gcMs),
      0,
    )} ms a round (longest ${max(rounds.map((x) => x.serverPauses.gcMaxMs))}), ` +
    `event loop late by up to ${max(rounds.map((x) => x.serverPauses.loopMaxMs))} ms; ` +
    `clients GC ${spread(
      rounds.map((x) => x.clientGcMs),
      0,
    )} ms a round (longest ${max(rounds.map((x) => x.clientGcMaxMs))}) | ` +
    tailText(rounds, server)
  );
}

/** What the rounds' slowest 1% of ops had in common, and how evenly sessions were served (medians of rounds). */
function tailText(rounds: readonly Round[], server: string): string {
  const percent = (values: number[]) => `${spread(values, 0)}%`;
  return (
    `slowest 1%: ${percent(rounds.map((x) => 100 * x.tail.oneClient))} from one client process, ` +
    `${percent(rounds.map((x) => 100 * x.tail.ownGc))} in a GC pause of it, ` +
    `${percent(rounds.map((x) => 100 * x.tail.engineGc))} in a GC pause of the ${server}; ` +
    `each session's mean latency p1 ${spread(
      rounds.map((x) => x.tail.sessionP1),
      1,
    )} ms, p99 ${spread(
      rounds.map((x) => x.tail.sessionP99),
      1,
    )} ms`
  );
}
