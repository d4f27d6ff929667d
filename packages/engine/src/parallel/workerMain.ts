import type * as WorkerThreads from 'node:worker_threads';
import type { Block, BlockLoop, BlockResult, runClaimed } from './runBlocks.js';
import type { Collect } from './v8Collector.js';

/**
 * What the pool sends a worker: a loop's source, its arguments, the blocks
 * and their claims (shared by the threads; this worker marks its blocks
 * slot + 2, the calling thread 1), where this worker starts claiming, and `entries[slot]`, which the worker sets to 1 when it begins;
 * the calling thread sets it to 2 once it ran out of blocks without it,
 * and then the worker leaves the task unanswered.
 */
export interface WorkerTask {
  readonly source: string;
  readonly args: readonly unknown[];
  readonly blocks: readonly Block[];
  readonly claims: Int32Array;
  readonly start: number;
  readonly pooled: boolean;
  readonly entries: Int32Array;
  readonly slot: number;
  /** Collect this thread's young generation after answering (WorkerPool paces it). */
  readonly collectAfter: boolean;
}

/**
 * What the pool sends a worker to collect its heap's garbage: with `young`,
 * its young generation, unanswered (between computations); else a full
 * collection, answered.
 */
export interface CollectTask {
  readonly collect: true;
  readonly young?: boolean;
}

/** What a worker answers on its reply port. */
export type WorkerReply =
  | { readonly ok: true; readonly results: BlockResult[] }
  | { readonly ok: false; readonly message: string };

/** Values of a worker's `signal[0]`: still working, answered, thread ended. */
export const SIGNAL = { busy: 0, answered: 1, exited: 2 } as const;

/**
 * The body of a pool's worker thread: compiles each loop source once, runs
 * the blocks it claims, posts the accumulators (or the error) on the reply
 * port and wakes the waiting thread through `signal`. It reads nothing outside
 * itself (its text is the worker's code), so the constants are repeated.
 */
export function workerMain(
  threads: typeof WorkerThreads,
  run: typeof runClaimed,
  collect: Collect | undefined,
): void {
  const { parentPort, workerData } = threads;
  const { signal, reply } = workerData as { signal: Int32Array; reply: WorkerThreads.MessagePort };
  const wake = (state: number) => {
    Atomics.store(signal, 0, state);
    Atomics.notify(signal, 0);
  };
  // A task's SharedArrayBuffers (tens of MB at 10M rows) stay mapped until this
  // heap drops their objects, and a thread that allocates so little JavaScript
  // collects on its own once in minutes. So the pool has it collect its young
  // generation between computations (once the engine allocated enough shared
  // arrays since the last: WorkerPool.ts), or after answering a task that asks
  // for it, once the handler has returned (the task's objects are garbage by
  // then: run inside it, the collection kept them, and two such promoted them);
  // and a full one runs when the thread has been idle a second or after every
  // FULL_EVERY young ones: objects promoted anyway (a young collection that
  // came during a long task) are only freed by a full collection, which this
  // thread otherwise never runs. Before any of it, some processes kept every
  // 10M chart's row arrays (23 MB) for good, faulting fresh memory in each
  // computation (bench/engine/shapes/clientGap.ts: ~5,900 faults, 7-17 ms of
  // system CPU per look). A young collection after every task cost the calling
  // thread more than the collection itself: V8's collector threads took both
  // cores while it posted its next task (1-3 ms in a 1M look;
  // bench/engine/HISTORY.md). `collect` is V8's collector (v8Collector.ts), if any.
  const FULL_EVERY = 8;
  // Long enough that a server's or a bench's next request usually comes first
  // (a collection here takes this thread ~5 ms: a process's other work would pay for it).
  const IDLE_MS = 1000;
  let sinceFull = 0;
  let collecting = false;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const collectFull = () => {
    sinceFull = 0;
    clearTimeout(idle);
    collect?.();
  };
  const collectYoung = () => {
    if (++sinceFull >= FULL_EVERY) collectFull();
    else collect?.({ type: 'minor' });
  };
  const collectAfterTask = (young: boolean) => {
    if (!collect) return;
    clearTimeout(idle);
    idle = setTimeout(collectFull, IDLE_MS);
    idle.unref();
    if (collecting || !young) return;
    collecting = true;
    setImmediate(() => {
      collecting = false;
      collectYoung();
    });
  };
  // A thread that ends (process.exit in a loop, a fatal error) still wakes the waiting thread.
  process.on('exit', () => wake(2));
  const loops = new Map<string, BlockLoop>();
  parentPort!.on('message', (task: WorkerTask | CollectTask) => {
    // Also once the handler has returned: a task answered in the same batch of messages is still held.
    if ('collect' in task && task.young) {
      collectAfterTask(true);
      return;
    }
    if ('collect' in task) {
      collectFull();
      reply.postMessage({ ok: true, results: [] });
      wake(1);
      return;
    }
    // Begun too late: the calling thread ran every block and does not wait for this one.
    if (Atomics.compareExchange(task.entries, task.slot, 0, 1) !== 0) {
      collectAfterTask(task.collectAfter);
      return;
    }
    try {
      let loop = loops.get(task.source);
      if (!loop) {
        loop = new Function(`return (${task.source});`)() as BlockLoop;
        loops.set(task.source, loop);
      }
      const results = run(
        loop,
        task.args,
        task.blocks,
        task.claims,
        task.start,
        task.pooled,
        task.slot + 2,
      );
      const buffers = results.flatMap(([, arrays]) =>
        arrays.map((array) => array.buffer as ArrayBuffer),
      );
      reply.postMessage({ ok: true, results }, buffers);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      reply.postMessage({ ok: false, message });
    }
    wake(1);
    // After the answer: the waiting thread goes on meanwhile.
    collectAfterTask(task.collectAfter);
  });
}
