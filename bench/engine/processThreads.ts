// Where a load's CPU goes among this process's threads, and the peak of its resident memory over
// one load (Linux's /proc; undefined elsewhere): for the JSON load of sources.ts, the loading
// thread's part against the load worker's, and that a streamed load's memory stays flat.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const TASKS = '/proc/self/task';

/** CPU time so far per thread of this process in ms, by thread id (schedstat: ns, up to the last tick). */
function threadTimes(): Map<string, number> {
  const times = new Map<string, number>();
  for (const tid of readdirSync(TASKS))
    try {
      times.set(tid, Number(readFileSync(`${TASKS}/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6);
    } catch {
      // The thread ended between the listing and the read.
    }
  return times;
}

/** The resident set's peak since the last reset, in MB (VmHWM). */
function peakRss(): number {
  const kb = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/** What one run cost: this thread's CPU, the busiest other thread's (the load worker), all the rest's (GC helpers, ...), and the memory. */
export interface RunUsage {
  readonly main: number;
  readonly worker: number;
  readonly others: number;
  /** The resident set before the run, and its peak during the run, MB. */
  readonly rssBefore: number;
  readonly rssPeak: number;
}

/** Runs `run`, measuring its usage; undefined usage where /proc is not there to read. */
export async function withUsage<T>(run: () => Promise<T>): Promise<[T, RunUsage | undefined]> {
  if (!existsSync(TASKS)) return [await run(), undefined];
  // Writing 5 to clear_refs resets VmHWM to the current resident set.
  writeFileSync('/proc/self/clear_refs', '5');
  const rssBefore = peakRss();
  const before = threadTimes();
  const result = await run();
  const after = threadTimes();
  const rssPeak = peakRss();
  const self = String(process.pid);
  let main = 0;
  const rest: number[] = [];
  for (const [tid, time] of after) {
    const spent = time - (before.get(tid) ?? 0);
    if (tid === self) main = spent;
    else rest.push(spent);
  }
  const worker = Math.max(0, ...rest);
  const others = rest.reduce((sum, t) => sum + t, 0) - worker;
  return [result, { main, worker, others, rssBefore, rssPeak }];
}
