// Whether the threads helped a loop on its last runs. A split loop never
// waits for a worker that has not begun (the calling thread claims the blocks
// it would have run), but a computation that chose a threads-only design for
// a loop (group numbering in two passes, where one thread would make one)
// pays for it when no worker helps: when another process holds the cores (a
// shared machine, a busy server), the worker begins late or not at all. After
// three such runs in a row that loop is given to the one-thread design for a
// while, then tried on the threads again.
import type { BlockLoop } from './runBlocks.js';

interface Record {
  /** Split runs in a row that the threads did not speed up. */
  losses: number;
  /** Runs left on this thread before the next split is tried. */
  here: number;
}

// Losing runs in a row before a loop stays here, and for how many runs.
const LOSSES = 3;
const STAY_HERE = 8;

const records = new Map<BlockLoop, Record>();

/** Whether `loop` should be run on the threads this time. */
export function splitPays(loop: BlockLoop): boolean {
  const record = records.get(loop);
  if (!record || record.here === 0) return true;
  record.here--;
  return false;
}

/**
 * Notes a split run of `loop`: its wall time, the calling thread's time on
 * its own blocks and their share of the rows (the whole, run here, would
 * take about ownMs / ownShare). The threads helped when they saved at least
 * a fifth of that.
 */
export function noteSplit(loop: BlockLoop, wallMs: number, ownMs: number, ownShare: number): void {
  let record = records.get(loop);
  if (!record) records.set(loop, (record = { losses: 0, here: 0 }));
  if (ownShare === 0 || wallMs <= (0.8 * ownMs) / ownShare) {
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
