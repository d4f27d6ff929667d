import { expect, vi } from 'vitest';
import { WorkerPool } from '../../src/parallel/WorkerPool.js';

/**
 * Checks that `compute` gives the same answer, cell by cell, on 1, 2 and 3
 * threads, and that only the runs with more than one thread used the pool.
 */
export function expectSameAtEveryThreadCount(compute: (threads: number) => unknown): void {
  const run = vi.spyOn(WorkerPool.prototype, 'run');
  const single = compute(1);
  expect(run).not.toHaveBeenCalled();
  const two = compute(2);
  expect(run).toHaveBeenCalled();
  const three = compute(3);
  run.mockRestore();
  expect(two).toEqual(single);
  expect(three).toEqual(single);
}
