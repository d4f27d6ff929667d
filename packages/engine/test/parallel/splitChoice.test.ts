import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  configureParallelism,
  parallelism,
  stopEngineThreads,
} from '../../src/parallel/engineThreads.js';
import { accumulator, reduceInBlocks } from '../../src/parallel/inBlocks.js';
import type { BlockLoop } from '../../src/parallel/runBlocks.js';
import { forgetSplits, noteSplit, splitPays } from '../../src/parallel/splitChoice.js';

const loop = (() => {}) as BlockLoop;

describe('splitChoice', () => {
  test('a loop whose split lost three times in a row runs here for 8 runs, then is split again', () => {
    forgetSplits();
    expect(splitPays(loop)).toBe(true);
    // 10 ms of wall time where the calling thread's half took 2 ms (alone: about 4 ms).
    noteSplit(loop, 10, 2, 0.5);
    noteSplit(loop, 10, 2, 0.5);
    expect(splitPays(loop)).toBe(true);
    noteSplit(loop, 10, 2, 0.5);
    const choices = Array.from({ length: 9 }, () => splitPays(loop));
    expect(choices).toEqual([false, false, false, false, false, false, false, false, true]);
  });

  test('a split that pays resets the count of losses', () => {
    forgetSplits();
    noteSplit(loop, 10, 2, 0.5);
    noteSplit(loop, 10, 2, 0.5);
    noteSplit(loop, 3, 2, 0.5);
    noteSplit(loop, 10, 2, 0.5);
    expect(splitPays(loop)).toBe(true);
  });
});

describe('a split whose worker begins late', () => {
  const configured = parallelism();
  beforeAll(() => configureParallelism({ threads: 2, minRows: 64, blockRows: 32 }));
  afterAll(async () => {
    configureParallelism(configured);
    await stopEngineThreads();
  });

  // This thread's blocks (the first ones) wait 20 ms each: the worker takes most blocks.
  const slowHere = new Function(
    'from',
    'to',
    'values',
    'sums',
    `if (from < 100) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
     for (let i = from; i < to; i++) sums[0] += values[i];`,
  ) as BlockLoop;

  test('gives the same sums whichever thread runs which block', () => {
    const values = Float64Array.from({ length: 200 }, (_, i) => i / 7);
    const sums = Array.from(
      { length: 4 },
      () => reduceInBlocks(slowHere, [values, accumulator(1)], 200)[0]![0],
    );
    configureParallelism({ threads: 1 });
    const oneThread = reduceInBlocks(slowHere, [values, accumulator(1)], 200)[0]![0];
    configureParallelism({ threads: 2 });
    expect(new Set([...sums, oneThread]).size).toBe(1);
  });

  test('a run where this thread ran every block counts as a loss; one where a worker ran them all does not', () => {
    forgetSplits();
    for (let k = 0; k < 3; k++) noteSplit(loop, 4, 4, 1);
    expect(splitPays(loop)).toBe(false);
    forgetSplits();
    for (let k = 0; k < 3; k++) noteSplit(loop, 4, 0, 0);
    expect(splitPays(loop)).toBe(true);
  });
});
