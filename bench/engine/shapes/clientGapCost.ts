// What a piece of engine work cost its process, for clientGap.ts: wall time,
// the calling thread's CPU, the whole process's CPU (its worker threads and
// V8's), its system CPU, the minor page faults (memory touched for the first
// time since the kernel gave it), and how the work split over the engine's
// threads (the share of the rows the calling thread ran itself).
import { WorkerPool } from '../../../packages/engine/src/parallel/WorkerPool.js';
import { threadCpu } from '../threadCpu.js';

/** The cost of one piece of work (ms, page faults; ownShare NaN when nothing was split). */
export interface Cost {
  readonly wall: number;
  readonly thread: number;
  readonly process: number;
  readonly system: number;
  readonly faults: number;
  /** Split scans run, and the mean share of their rows the calling thread ran. */
  readonly splits: number;
  readonly ownShare: number;
}

let splits = 0;
let ownShares = 0;
// The pool's run, reached through the prototype: a development aid only.
const run = WorkerPool.prototype.run;
WorkerPool.prototype.run = function (this: WorkerPool, ...args: Parameters<typeof run>) {
  const result = run.apply(this, args);
  splits++;
  ownShares += this.lastOwnShare;
  return result;
};

/** Runs `work` (synchronous) and measures it. */
export function measure<T>(work: () => T): { result: T; cost: Cost } {
  if (!threadCpu) throw new Error('thread CPU needs Linux (/proc/thread-self/schedstat)');
  const [splits0, shares0] = [splits, ownShares];
  const usage = process.resourceUsage();
  const thread = threadCpu();
  const started = performance.now();
  const result = work();
  const wall = performance.now() - started;
  const after = process.resourceUsage();
  const ran = splits - splits0;
  const cost = {
    wall,
    thread: threadCpu() - thread,
    process:
      (after.userCPUTime + after.systemCPUTime - usage.userCPUTime - usage.systemCPUTime) / 1000,
    system: (after.systemCPUTime - usage.systemCPUTime) / 1000,
    faults: after.minorPageFault - usage.minorPageFault,
    splits: ran,
    ownShare: ran === 0 ? NaN : (ownShares - shares0) / ran,
  };
  return { result, cost };
}
