// Whether a loop's split over the worker threads pays, as measured on its
// last runs: a split waits for the slowest part, so when another process
// holds a core (a shared machine, a busy server) the worker's part starts
// late and the split takes longer than the calling thread alone would. After
// three such runs in a row the loop runs here for a while, then is tried split
// again. Either way it runs over the same blocks, so its answer does not
// change (see inBlocks.ts).
import type { BlockLoop } from './runBlocks.js';

interface Record {
  /** Split runs in a row that took longer than the calling thread alone would have. */
  losses: number;
  /** Runs left on this thread before the next split is tried. */
  here: number;
}

// Losing runs in a row before a loop stays here, and for how many runs.
const LOSSES = 3;
const STAY_HERE = 8;

const records = new Map<BlockLoop, Record>();

/** Whether `loop` should be split over the threads this time. */
export function splitPays(loop: BlockLoop): boolean {
  const record = records.get(loop);
  if (!record || record.here === 0) return true;
  record.here--;
  return false;
}

/**
 * Notes a split run of `loop`: its wall time, the calling thread's time on
 * its own part and that part's share of the rows (the whole, run here, would
 * take about ownMs / ownShare).
 */
export function noteSplit(loop: BlockLoop, wallMs: number, ownMs: number, ownShare: number): void {
  let record = records.get(loop);
  if (!record) records.set(loop, (record = { losses: 0, here: 0 }));
  if (wallMs <= ownMs / ownShare) {
    record.losses = 0;
    return;
  }
  if (++record.losses < LOSSES) return;
  record.losses = 0;
  record.here = STAY_HERE;
}

/** Forgets every measurement (the thread settings changed). */
export function forgetSplits(): void {
  records.clear();
}
