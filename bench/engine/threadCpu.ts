// The calling thread's own CPU time, for the thread benches: with worker
// threads, the share of the work left on the calling thread (its waits for
// the workers are not CPU), readable when other work takes the cores.
import { existsSync, readFileSync } from 'node:fs';

const SCHEDSTAT = '/proc/thread-self/schedstat';

/**
 * This thread's CPU time so far in ms (Linux's schedstat), or undefined where there is none.
 * The kernel brings the running thread's figure up to date only at scheduler ticks and
 * switches, so a reading can be a tick behind (1.5 ms busy loops read 0.00 to 3.26 ms):
 * compare means over many rounds, not single rounds or medians of short ones.
 */
export const threadCpu: (() => number) | undefined = existsSync(SCHEDSTAT)
  ? () => Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1e6
  : undefined;

/** The mean of a list of samples (of thread CPU times: their errors average out, see above). */
export function mean(list: readonly number[]): number {
  return list.reduce((sum, x) => sum + x, 0) / Math.max(list.length, 1);
}
