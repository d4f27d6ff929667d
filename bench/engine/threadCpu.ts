// The calling thread's own CPU time, for the thread benches: with worker
// threads, the share of the work left on the calling thread (its waits for
// the workers are not CPU), readable when other work takes the cores.
import { existsSync, readFileSync } from 'node:fs';

const SCHEDSTAT = '/proc/thread-self/schedstat';

/** This thread's CPU time so far in ms (Linux's schedstat), or undefined where there is none. */
export const threadCpu: (() => number) | undefined = existsSync(SCHEDSTAT)
  ? () => Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1e6
  : undefined;

/** The median of a list of samples. */
export function median(list: readonly number[]): number {
  return [...list].sort((x, y) => x - y)[list.length >> 1]!;
}
