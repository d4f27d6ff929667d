import { availableParallelism } from 'node:os';
import { ParallelError } from './ParallelError.js';
import { forgetSplits } from './splitChoice.js';
import { WorkerPool } from './WorkerPool.js';

/** How the engine splits its scans across threads. */
export interface ParallelOptions {
  /** Threads in all, this one included; 1 computes everything on this thread. */
  readonly threads: number;
  /**
   * Scans of fewer rows stay whole on this thread: below it the messages
   * cost more than the second core gives (measured: see bench/engine/README).
   */
  readonly minRows: number;
  /**
   * Rows per block of a blocked sum. Sums are added per block and the
   * blocks' sums in block order, whatever the thread count, so results do
   * not depend on how many threads ran.
   */
  readonly blockRows: number;
}

const DEFAULTS: ParallelOptions = {
  threads: fromEnvironment('QLIKIT_ENGINE_THREADS', availableParallelism()),
  minRows: fromEnvironment('QLIKIT_ENGINE_PARALLEL_MIN_ROWS', 1 << 19),
  blockRows: fromEnvironment('QLIKIT_ENGINE_BLOCK_ROWS', 1 << 17),
};

let options: ParallelOptions = DEFAULTS;
let pool: WorkerPool | undefined;

/**
 * Sets how the engine uses threads (by default from `QLIKIT_ENGINE_THREADS`,
 * `QLIKIT_ENGINE_PARALLEL_MIN_ROWS`, `QLIKIT_ENGINE_BLOCK_ROWS`, else every
 * core, 524,288 and 131,072 rows).
 */
export function configureParallelism(changes: Partial<ParallelOptions>): ParallelOptions {
  const next = { ...options, ...changes };
  for (const [name, value] of Object.entries(next)) {
    if (!Number.isSafeInteger(value) || value < 1)
      throw new ParallelError('BAD_THREADS', `${name} must be a positive integer, not ${value}`);
  }
  options = next;
  forgetSplits();
  return options;
}

/** The current parallelism settings. */
export function parallelism(): ParallelOptions {
  return options;
}

/** The pool of worker threads, started on first use; undefined when one thread is configured. */
export function enginePool(): WorkerPool | undefined {
  if (options.threads <= 1) return undefined;
  // A pool for more threads serves fewer too (the extra workers stay idle).
  if (!pool || pool.threads < options.threads) {
    void pool?.terminate();
    pool = new WorkerPool(options.threads);
  }
  return pool;
}

/** Runs a full collection of the worker threads' heaps (for benches: before a timed run). */
export function collectWorkerGarbage(): void {
  pool?.collectGarbage();
}

/** Ends the worker threads (a later computation starts them again). */
export async function stopEngineThreads(): Promise<void> {
  const running = pool;
  pool = undefined;
  await running?.terminate();
}

function fromEnvironment(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new ParallelError('BAD_THREADS', `${name} must be a positive integer, not ${raw}`);
  return value;
}
