import {
  MessageChannel,
  type MessagePort,
  Worker,
  receiveMessageOnPort,
} from 'node:worker_threads';
import { ParallelError } from './ParallelError.js';
import { type Block, type BlockLoop, type BlockResult, runClaimed } from './runBlocks.js';
import {
  type CollectTask,
  SIGNAL,
  type WorkerReply,
  type WorkerTask,
  workerMain,
} from './workerMain.js';
import { v8Collector } from './v8Collector.js';
import { sharedMemory } from './sharedMemoryCollection.js';

// Less than a 10M chart's shared arrays, a few 1M charts' (bench/engine/HISTORY.md).
const YOUNG_BUDGET = 16 * 2 ** 20;
// Computations run back to back without a turn of the event loop: a task asks for it.
const TASK_BUDGET = 2 * YOUNG_BUDGET;

interface PoolWorker {
  readonly worker: Worker;
  /** signal[0]: SIGNAL.busy while a part runs, then answered or exited. */
  readonly signal: Int32Array;
  /** Where the worker's replies arrive; read synchronously. */
  readonly replies: MessagePort;
}

// The worker's code: the self-contained runner and body, as text (no file to
// resolve, the same under tsx and from dist). `__name` is what a bundler that
// keeps function names may call inside them.
const WORKER_SOURCE = `'use strict';
var __name = (fn) => fn;
(${workerMain.toString()})(require('node:worker_threads'), (${runClaimed.toString()}),
  (${v8Collector.toString()})(require('node:v8'), require('node:vm')));`;

/**
 * Worker threads that share the blocks of a computation with the calling
 * thread, which claims blocks too and then waits for the workers that began
 * (synchronously, with Atomics.wait), so the engine's synchronous
 * computations can use every core. A worker that has not begun by the time
 * the calling thread runs out of blocks is not waited for: a worker without
 * a core (another process's work, another computation) costs the calling
 * thread nothing but the message. Threads start on first use, never keep
 * the process alive, and a thread that fails, ends or stalls fails that
 * computation with a ParallelError and is replaced on the next use.
 */
export class WorkerPool {
  private readonly workers: (PoolWorker | undefined)[];
  /** How long the calling thread took over its own blocks in the last run, in ms. */
  lastOwnMs = 0;
  /** The share of the rows the calling thread ran in the last run. */
  lastOwnShare = 1;
  /** The engine's shared bytes allocated (sharedMemory.allocated) when the workers last collected. */
  private collectedAt = 0;
  private pendingCollection: NodeJS.Immediate | undefined;

  /** A pool for `threads` threads in all: this one and `threads - 1` workers. */
  constructor(
    readonly threads: number,
    private readonly timeoutMs = 60_000,
  ) {
    this.workers = new Array<PoolWorker | undefined>(Math.max(0, threads - 1)).fill(undefined);
  }

  /**
   * Runs `loop` over `blocks` on this thread and the workers, each thread
   * claiming blocks as it goes (worker k starts at block k/threads of the
   * way), and returns the accumulators to merge: per block in block order
   * or, with `pooled` (an order-free merge), per thread that ran blocks.
   */
  run(
    loop: BlockLoop,
    args: readonly unknown[],
    blocks: readonly Block[],
    pooled = false,
  ): Float64Array[][] {
    const source = loop.toString();
    const claims = new Int32Array(new SharedArrayBuffer(4 * blocks.length));
    const helpers = Math.min(this.workers.length, blocks.length - 1);
    const entries = new Int32Array(new SharedArrayBuffer(4 * Math.max(helpers, 1)));
    const started: PoolWorker[] = [];
    // The workers drop the shared arrays of the tasks they ran once YOUNG_BUDGET more were
    // allocated: at the next turn of the event loop, after the computation, or after this task.
    const fresh = sharedMemory.allocated - this.collectedAt;
    const collectAfter = fresh >= TASK_BUDGET;
    if (collectAfter) this.collectedAt = sharedMemory.allocated;
    else if (fresh >= YOUNG_BUDGET && !this.pendingCollection) {
      this.pendingCollection = setImmediate(() => this.collectYoung());
      this.pendingCollection.unref();
    }
    for (let k = 0; k < helpers; k++) {
      const worker = this.worker(k);
      Atomics.store(worker.signal, 0, SIGNAL.busy);
      const start = Math.floor(((k + 1) * blocks.length) / (helpers + 1));
      const task: WorkerTask = {
        source,
        args,
        blocks,
        claims,
        start,
        pooled,
        entries,
        slot: k,
        collectAfter,
      };
      worker.worker.postMessage(task);
      started.push(worker);
    }
    let own: BlockResult[] = [];
    let failure: unknown;
    const ownStart = performance.now();
    try {
      own = runClaimed(loop, args, blocks, claims, 0, pooled);
    } catch (error) {
      failure = error;
    }
    this.lastOwnMs = performance.now() - ownStart;
    this.lastOwnShare = ownShare(blocks, claims);
    // Every worker that began is awaited, even after a failure, so no reply is left for the next run.
    const others = started.map((worker, k) => {
      if (Atomics.compareExchange(entries, k, 0, 2) === 0) return [];
      try {
        return this.await(worker, k);
      } catch (error) {
        failure ??= error;
        return [];
      }
    });
    if (failure !== undefined) throw failure;
    const results = [own, ...others].flat();
    if (pooled) return results.map(([, accumulators]) => accumulators);
    const perBlock = new Array<Float64Array[]>(blocks.length);
    for (const [index, accumulators] of results) perBlock[index] = accumulators;
    return perBlock;
  }

  /**
   * Runs a full collection of every running worker thread's heap and waits
   * for each, so a measurement after it does not pay for earlier
   * computations' garbage.
   */
  collectGarbage(): void {
    const running = this.workers.filter((worker) => worker !== undefined);
    for (const worker of running) {
      Atomics.store(worker.signal, 0, SIGNAL.busy);
      worker.worker.postMessage({ collect: true } satisfies CollectTask);
    }
    running.forEach((worker, k) => this.await(worker, k));
  }

  // Between computations: each running worker collects its young generation, unanswered.
  private collectYoung(): void {
    this.pendingCollection = undefined;
    this.collectedAt = sharedMemory.allocated;
    for (const worker of this.workers)
      worker?.worker.postMessage({ collect: true, young: true } satisfies CollectTask);
  }

  /** Ends every worker thread (a later run starts new ones). */
  async terminate(): Promise<void> {
    const running = this.workers.filter((worker) => worker !== undefined);
    this.workers.fill(undefined);
    clearImmediate(this.pendingCollection);
    this.pendingCollection = undefined;
    await Promise.all(running.map((worker) => this.end(worker)));
  }

  private worker(slot: number): PoolWorker {
    const existing = this.workers[slot];
    if (existing) return existing;
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // The code is plain JavaScript: no loader (tsx) or flag of this process is needed.
      execArgv: [],
      workerData: { signal, reply: port2 },
      transferList: [port2],
    });
    worker.unref();
    port1.unref();
    // An error or exit seen while idle: the next run starts a new thread.
    const forget = () => {
      if (this.workers[slot]?.worker === worker) this.workers[slot] = undefined;
    };
    worker.on('error', forget);
    worker.on('exit', forget);
    const created = { worker, signal, replies: port1 };
    this.workers[slot] = created;
    return created;
  }

  private await(worker: PoolWorker, k: number): BlockResult[] {
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const state = Atomics.load(worker.signal, 0);
      if (state === SIGNAL.exited) {
        this.retire(worker);
        throw new ParallelError(
          'WORKER_EXITED',
          `worker thread ${k + 1} ended during a computation`,
        );
      }
      if (state === SIGNAL.answered) {
        const reply = this.reply(worker);
        if (reply.ok) return reply.results;
        throw new ParallelError('WORKER_FAILED', `worker thread ${k + 1} failed: ${reply.message}`);
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        this.retire(worker);
        throw new ParallelError(
          'WORKER_TIMEOUT',
          `worker thread ${k + 1} did not answer within ${this.timeoutMs} ms`,
        );
      }
      Atomics.wait(worker.signal, 0, SIGNAL.busy, left);
    }
  }

  // The reply is posted before the signal is set; it is read as soon as the port delivers it.
  private reply(worker: PoolWorker): WorkerReply {
    for (let tries = 0; ; tries++) {
      const received = receiveMessageOnPort(worker.replies);
      if (received) return received.message as WorkerReply;
      if (tries > 1000) {
        this.retire(worker);
        throw new ParallelError('WORKER_EXITED', 'a worker thread answered without a reply');
      }
      Atomics.wait(worker.signal, 0, SIGNAL.answered, 1);
    }
  }

  private retire(worker: PoolWorker): void {
    const slot = this.workers.indexOf(worker);
    if (slot >= 0) this.workers[slot] = undefined;
    void this.end(worker);
  }

  private async end(worker: PoolWorker): Promise<void> {
    worker.replies.close();
    await worker.worker.terminate();
  }
}

// The share of the rows this thread ran: its blocks are marked 1 in the claims.
function ownShare(blocks: readonly Block[], claims: Int32Array): number {
  let own = 0;
  let all = 0;
  blocks.forEach(([from, to], index) => {
    all += to - from;
    if (claims[index] === 1) own += to - from;
  });
  return all === 0 ? 1 : own / all;
}
