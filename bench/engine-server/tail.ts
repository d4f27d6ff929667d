// Where the slowest ops of a bench/engine-server round come from, from each op's
// record (its start and two legs, per client process) and every process's GC pauses.
import { percentile } from './stats.js';

/** One op of a round. */
export interface Op {
  /** ms after the round's start. */
  start: number;
  /** The SelectValues leg and the GetLayout leg, ms. */
  select: number;
  layout: number;
  session: number;
  index: number;
  client: number;
}

/** A round's records, as BENCH_DETAIL writes them. */
export interface RoundFile {
  /** The round's start, ms on the clock of performance.timeOrigin. */
  start: number;
  /** Per client process: start, select ms, layout ms, session, op index, five numbers an op. */
  ops: number[][];
  /** The engine's GC pauses, then each client process's: start, length, two numbers a pause. */
  gcs: (number[] | undefined)[];
}

/** What the slowest 1% of a round's ops have in common, and how evenly the sessions were served. */
export interface Tail {
  /** The share of the slowest 1% that came from the client process with most of them. */
  oneClient: number;
  /** The share of them that overlapped a GC pause (1 ms or more) of their own client process. */
  ownGc: number;
  /** The share of them that overlapped a GC pause of the engine. */
  engineGc: number;
  /** Each session's mean latency over the round: p1 and p99, ms. */
  sessionP1: number;
  sessionP99: number;
}

/** The ops of a round, from its records. */
export function opsOf(file: RoundFile): Op[] {
  return file.ops.flatMap((numbers, client) =>
    Array.from({ length: numbers.length / 5 }, (_, i) => ({
      start: numbers[i * 5]! - file.start,
      select: numbers[i * 5 + 1]!,
      layout: numbers[i * 5 + 2]!,
      session: numbers[i * 5 + 3]!,
      index: numbers[i * 5 + 4]!,
      client,
    })),
  );
}

/** An op's latency, ms. */
export const latencyOf = (op: Op) => op.select + op.layout;

/** The value at percentile `at` of values in any order. */
export const percentileOf = (values: number[], at: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    at,
  );

/** Whether a pause list (start, length pairs) has a pause of 1 ms or more inside [from, to] (ms after `origin`). */
export function pausedIn(
  pauses: number[] | undefined,
  origin: number,
  from: number,
  to: number,
): boolean {
  for (let i = 0; i < (pauses?.length ?? 0); i += 2) {
    const start = pauses![i]! - origin;
    if (pauses![i + 1]! >= 1 && start < to && start + pauses![i + 1]! > from) return true;
  }
  return false;
}

/** Each session's mean latency over the round. */
export function sessionMeans(ops: readonly Op[]): number[] {
  const sums = new Map<string, { total: number; count: number }>();
  for (const op of ops) {
    const key = `${op.client}:${op.session}`;
    const sum = sums.get(key) ?? { total: 0, count: 0 };
    sum.total += latencyOf(op);
    sum.count++;
    sums.set(key, sum);
  }
  return [...sums.values()].map((sum) => sum.total / sum.count);
}

/** The slowest 1% of a round's ops: the ops at or over p99. */
export function slowestOf(ops: readonly Op[]): Op[] {
  const p99 = percentileOf(ops.map(latencyOf), 99);
  return ops.filter((op) => latencyOf(op) >= p99);
}

/** What the slowest 1% of a round have in common (see `Tail`). */
export function tailOf(file: RoundFile): Tail {
  const ops = opsOf(file);
  const slow = slowestOf(ops);
  const share = (test: (op: Op) => boolean) =>
    slow.length === 0 ? 0 : slow.filter(test).length / slow.length;
  const [engineGcs, ...clientGcs] = file.gcs;
  const perClient = file.ops.map((_, c) => share((op) => op.client === c));
  const means = sessionMeans(ops);
  return {
    oneClient: Math.max(0, ...perClient),
    ownGc: share((op) =>
      pausedIn(clientGcs[op.client], file.start, op.start, op.start + latencyOf(op)),
    ),
    engineGc: share((op) => pausedIn(engineGcs, file.start, op.start, op.start + latencyOf(op))),
    sessionP1: percentileOf(means, 1),
    sessionP99: percentileOf(means, 99),
  };
}
