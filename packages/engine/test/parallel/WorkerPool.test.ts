import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { countRowsBlock } from '../../src/parallel/blockLoops.js';
import { configureParallelism, parallelism } from '../../src/parallel/engineThreads.js';
import { accumulator } from '../../src/parallel/inBlocks.js';
import { ParallelError } from '../../src/parallel/ParallelError.js';
import { sharedBuffer } from '../../src/parallel/sharedArrays.js';
import type { BlockLoop } from '../../src/parallel/runBlocks.js';
import { WorkerPool } from '../../src/parallel/WorkerPool.js';
import { ON_WORKER, SLOW_HERE, collectHere, halves, keptThenDropped } from './workerProbes.js';

const ofRow = Int32Array.from({ length: 100 }, (_, i) => i % 4);

// Loops that go wrong only on the worker (which claims the block of rows from 50 on).
const throwing = new Function(
  'from',
  'to',
  'ofRow',
  'counts',
  `${SLOW_HERE} if (${ON_WORKER}) throw new RangeError('bad row ' + from); for (let i = from; i < to; i++) counts[ofRow[i]]++;`,
) as BlockLoop;
const exiting = new Function(
  'from',
  'to',
  'ofRow',
  'counts',
  `${SLOW_HERE} if (${ON_WORKER}) process.exit(3);`,
) as BlockLoop;
const stalling = new Function(
  'from',
  'to',
  'ofRow',
  'counts',
  `${SLOW_HERE} if (${ON_WORKER}) for (;;) {}`,
) as BlockLoop;
// Counts, and on the worker's first run blocks that thread for 400 ms once the run is answered.
const blockingLater = new Function(
  'from',
  'to',
  'ofRow',
  'armed',
  'counts',
  `if (${ON_WORKER} && Atomics.compareExchange(armed, 0, 0, 1) === 0)
     setTimeout(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400), 0);
   for (let i = from; i < to; i++) counts[ofRow[i]]++;`,
) as BlockLoop;

function counts(pool: WorkerPool): number[] {
  const perBlock = pool.run(countRowsBlock, [ofRow, accumulator(4)], halves);
  return perBlock.map((block) => Array.from(block[0]!)).flat();
}

function failure(run: () => unknown): ParallelError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ParallelError);
    return error as ParallelError;
  }
  throw new Error('expected a ParallelError');
}

describe('WorkerPool', () => {
  const pools: WorkerPool[] = [];
  const poolOf = (timeoutMs?: number) => {
    const pool = new WorkerPool(2, timeoutMs);
    pools.push(pool);
    return pool;
  };
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.terminate()));
  });

  test('runs the blocks here and on a worker, the accumulators in block order', () => {
    expect(counts(poolOf())).toEqual([13, 13, 12, 12, 12, 12, 13, 13]);
    const pool = poolOf();
    // With this thread's block slow, the worker runs the other one.
    const slow = new Function(
      'from',
      'to',
      'ofRow',
      'counts',
      `${SLOW_HERE} for (let i = from; i < to; i++) counts[ofRow[i]]++;`,
    ) as BlockLoop;
    const perBlock = pool.run(slow, [ofRow, accumulator(4)], halves);
    expect(perBlock.map((block) => Array.from(block[0]!)).flat()).toEqual([
      13, 13, 12, 12, 12, 12, 13, 13,
    ]);
    expect(pool.lastOwnShare).toBe(0.5);
  });

  test('pooled accumulators: one set per thread that ran blocks, summing to the whole', () => {
    const pool = poolOf();
    const blocks = Array.from({ length: 10 }, (_, b) => [b * 10, b * 10 + 10] as const);
    const sets = pool.run(countRowsBlock, [ofRow, accumulator(4)], blocks, true);
    expect(sets.length).toBeGreaterThanOrEqual(1);
    expect(sets.length).toBeLessThanOrEqual(2);
    const total = [0, 0, 0, 0];
    for (const [counts] of sets) counts!.forEach((count, g) => (total[g]! += count));
    expect(total).toEqual([25, 25, 25, 25]);
  });

  test('a worker that has not begun leaves its blocks to this thread, which does not wait for it', async () => {
    const pool = poolOf();
    const armed = new Int32Array(new SharedArrayBuffer(4));
    const run = () =>
      pool
        .run(
          blockingLater,
          [ofRow, armed, accumulator(4)],
          [
            [0, 50],
            [50, 100],
          ],
        )
        .map((block) => Array.from(block[0]!))
        .flat();
    // Until the worker's first run, this thread's block is slow: the worker surely runs one.
    const first = new Function(
      'from',
      'to',
      'ofRow',
      'armed',
      'counts',
      `${SLOW_HERE} return (${blockingLater.toString()})(from, to, ofRow, armed, counts);`,
    ) as BlockLoop;
    pool.run(first, [ofRow, armed, accumulator(4)], halves);
    expect(Atomics.load(armed, 0)).toBe(1);
    // The worker's thread is now blocked for 400 ms.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(run()).toEqual([13, 13, 12, 12, 12, 12, 13, 13]);
    expect(pool.lastOwnShare).toBe(1);
    // Once free, the worker goes on with the next runs.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(run()).toEqual([13, 13, 12, 12, 12, 12, 13, 13]);
  });

  test('an error in a worker fails the computation with WORKER_FAILED, and the pool goes on', () => {
    const pool = poolOf();
    const error = failure(() => pool.run(throwing, [ofRow, accumulator(4)], halves));
    expect(error.code).toBe('WORKER_FAILED');
    expect(error.message).toContain('bad row 50');
    expect(counts(pool)).toEqual([13, 13, 12, 12, 12, 12, 13, 13]);
  });

  test('a worker thread that ends fails with WORKER_EXITED and is replaced', () => {
    const pool = poolOf();
    expect(failure(() => pool.run(exiting, [ofRow, accumulator(4)], halves)).code).toBe(
      'WORKER_EXITED',
    );
    expect(counts(pool)).toEqual([13, 13, 12, 12, 12, 12, 13, 13]);
  });

  test('a worker that does not answer fails with WORKER_TIMEOUT and is replaced', () => {
    const pool = poolOf(300);
    expect(failure(() => pool.run(stalling, [ofRow, accumulator(4)], halves)).code).toBe(
      'WORKER_TIMEOUT',
    );
    expect(counts(pool)).toEqual([13, 13, 12, 12, 12, 12, 13, 13]);
  });

  test('collects the garbage of its workers on request, and goes on', () => {
    const pool = poolOf();
    expect(counts(pool)).toEqual([13, 13, 12, 12, 12, 12, 13, 13]);
    pool.collectGarbage();
    expect(counts(pool)).toEqual([13, 13, 12, 12, 12, 12, 13, 13]);
  });

  test("a worker lets go of each task's shared buffers once the engine has allocated a few more", () => {
    const pool = poolOf();
    const size = 32 << 20;
    const tasks = 24;
    counts(pool);
    const before = process.memoryUsage().rss;
    for (let t = 0; t < tasks; t++) {
      // A fresh buffer each time, every page touched, as a computation's row arrays are (counted as
      // theirs are: the pool has the workers collect once the engine allocated 16 MiB more since the last).
      const rows = new Int32Array(sharedBuffer(size)).fill(t % 4);
      pool.run(
        countRowsBlock,
        [rows, accumulator(4)],
        [
          [0, 8],
          [8, 16],
        ],
      );
      collectHere();
    }
    // Held by the worker's heap, the buffers would add 768 MB.
    expect(process.memoryUsage().rss - before).toBeLessThan((tasks * size) / 3);
  });

  test("collecting the workers' garbage frees what a worker kept through earlier collections", async () => {
    const pool = poolOf();
    const freed = keptThenDropped(pool);
    pool.collectGarbage();
    // Sooner than the worker's own idle collection (a second after its last task), which would free it too.
    expect(await freed(500)).toBeGreaterThanOrEqual(32 << 20);
  });

  test('with gc exposed (as the benches run), collecting is a full collection too', () => {
    // The worker then calls the global gc, whose { type: 'major' } is a young collection on Node 20.
    const url = (path: string) =>
      JSON.stringify(pathToFileURL(fileURLToPath(new URL(path, import.meta.url))).href);
    const program = `
      const { WorkerPool } = await import(${url('../../src/parallel/WorkerPool.ts')});
      const { keptThenDropped } = await import(${url('./workerProbes.ts')});
      const pool = new WorkerPool(2);
      const freed = keptThenDropped(pool);
      pool.collectGarbage();
      // Sooner than the worker's own idle collection (a second after its last task).
      console.log(await freed(100));
      await pool.terminate();`;
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', program],
      { encoding: 'utf8', timeout: 30_000 },
    );
    if (child.status !== 0) throw new Error(child.stderr);
    expect(Number(child.stdout.trim())).toBeGreaterThanOrEqual(32 << 20);
  });

  test('a worker idle for a while frees what it kept through earlier collections', async () => {
    const freed = keptThenDropped(poolOf());
    // No collection asked for: the worker runs a full one when idle (a second).
    expect(await freed(3000)).toBeGreaterThanOrEqual(32 << 20);
  });

  test('thread counts and block sizes must be positive integers', () => {
    const before = parallelism();
    expect(failure(() => configureParallelism({ threads: 0 })).code).toBe('BAD_THREADS');
    expect(failure(() => configureParallelism({ blockRows: 1.5 })).code).toBe('BAD_THREADS');
    expect(parallelism()).toEqual(before);
  });
});
