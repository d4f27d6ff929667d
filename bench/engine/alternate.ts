// Alternating rounds, the one timing discipline of bench/engine: every round
// runs each contestant once, in an order that rotates from round to round (no
// contestant always follows the same one), after a forced GC (of this
// thread's heap and of the engine's worker threads') so nobody pays for the
// garbage of the run before it; each figure is the median of the rounds, with
// the min and max beside it.
import { collectWorkerGarbage } from '../../packages/engine/src/parallel/engineThreads.js';

/** Median, min and max of a list of samples. */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** One timed run: wall time and this process's CPU time (all its threads), in ms. */
export interface Sample {
  readonly wall: number;
  readonly cpu: number;
}

/** A contestant: its timed run, and an untimed check of that run's answer (kept by the run), made once every contestant has run the round. */
export interface Contestant {
  readonly name: string;
  readonly run: (round: number) => Promise<unknown> | unknown;
  readonly check?: (round: number) => Promise<void> | void;
  /** Untimed, before each of its runs: what this process's GC does not reach (another process's heaps). */
  readonly settle?: () => Promise<void> | void;
}

/** The summaries of wall and CPU time, per contestant. */
export interface Timing {
  readonly wall: Summary;
  readonly cpu: Summary;
}

const gc = (globalThis as { gc?: () => void }).gc;

// This thread's heap and the engine's worker threads' heaps: a worker's garbage
// (the shared buffers of earlier computations) is not the next run's to pay for.
function collect(): void {
  gc?.();
  if (gc) collectWorkerGarbage();
}

/**
 * Runs `rounds` alternating rounds after `warmups` untimed ones; answers are
 * checked after every round, warm-ups included.
 */
export async function alternate(
  contestants: readonly Contestant[],
  rounds: number,
  warmups = 1,
): Promise<Map<string, Timing>> {
  const samples = new Map<string, Sample[]>(contestants.map((c) => [c.name, []]));
  for (let round = 0; round < warmups + rounds; round++) {
    const order = contestants.map((_, k) => contestants[(k + round) % contestants.length]!);
    for (const contestant of order) {
      collect();
      await contestant.settle?.();
      const cpu = process.cpuUsage();
      const started = performance.now();
      await contestant.run(round);
      const wall = performance.now() - started;
      const used = process.cpuUsage(cpu);
      if (round >= warmups)
        samples.get(contestant.name)!.push({ wall, cpu: (used.user + used.system) / 1000 });
    }
    for (const contestant of contestants) await contestant.check?.(round);
  }
  return new Map(
    [...samples].map(([name, list]) => [
      name,
      { wall: summarize(list.map((s) => s.wall)), cpu: summarize(list.map((s) => s.cpu)) },
    ]),
  );
}

/** Median (the middle one, or the mean of the two middle ones), min and max. */
export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** `12.3 ms [10.1–15.0]`: a summary as printed. */
export function formatMs(summary: Summary, digits = 1): string {
  const f = (n: number) => n.toFixed(digits);
  return `${f(summary.median)} ms [${f(summary.min)}–${f(summary.max)}]`;
}
