// Loops and checks for tests of the pool's worker threads, shared by
// WorkerPool.test.ts and the child process one of its tests starts (to run
// with --expose-gc), so both run the same scenario.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { threadId } from 'node:worker_threads';
import { accumulator } from '../../src/parallel/inBlocks.js';
import type { BlockLoop } from '../../src/parallel/runBlocks.js';
import { v8Collector } from '../../src/parallel/v8Collector.js';
import type { WorkerPool } from '../../src/parallel/WorkerPool.js';

/** Rows 0..100 in two blocks: this thread takes the first, the worker the second. */
export const halves = [
  [0, 50],
  [50, 100],
] as const;

/** True on the pool's worker threads (a global require, another thread id than the importing one's). */
export const ON_WORKER = `(typeof require === 'function' && require('node:worker_threads').threadId !== ${threadId})`;

/** This thread's block (the first) waits 300 ms, so the worker surely claims the second. */
export const SLOW_HERE = `if (!${ON_WORKER}) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);`;

// Keeps the rows it is given in the worker's globals (as a young collection during
// a long task keeps a task's arrays), in place of the ones before.
const keeping = new Function(
  'from',
  'to',
  'rows',
  'counts',
  `${SLOW_HERE} if (${ON_WORKER}) globalThis.kept = rows;`,
) as BlockLoop;

/** A full collection of this thread's heap (tests free their own references, to see the worker's). */
export const collectHere: () => void = v8Collector(v8, vm)!;

/**
 * Has the worker keep a 64 MiB array through two collections (into its old
 * generation, which only a full collection frees: on Node 20 gc({ type:
 * 'major' }) is a young one), then drop it; returns a wait of at most `ms`
 * for how many bytes were freed since.
 */
export function keptThenDropped(pool: WorkerPool): (ms: number) => Promise<number> {
  const size = 64 << 20;
  const keep = (rows: Int32Array) => pool.run(keeping, [rows, accumulator(1)], halves);
  keep(new Int32Array(new SharedArrayBuffer(size)));
  pool.collectGarbage();
  pool.collectGarbage();
  const held = process.memoryUsage().arrayBuffers;
  keep(new Int32Array(new SharedArrayBuffer(4)));
  collectHere();
  return (ms) =>
    new Promise<number>((resolve) => {
      const deadline = Date.now() + ms;
      const poll = () => {
        collectHere();
        const freed = held - process.memoryUsage().arrayBuffers;
        if (freed >= size / 2 || Date.now() > deadline) resolve(freed);
        else setTimeout(poll, 20);
      };
      poll();
    });
}
