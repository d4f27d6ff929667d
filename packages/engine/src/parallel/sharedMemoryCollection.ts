import { PerformanceObserver, constants } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { type Collect, v8Collector } from './v8Collector.js';

/**
 * Full collections of this thread's heap paced by the SharedArrayBuffer
 * bytes it allocates. V8 does not count that memory toward starting a
 * collection, so a process that allocates little JavaScript (a server
 * between requests) kept every 10M chart's row arrays (~24 MiB) until its
 * next full collection and faulted fresh memory in for the next chart
 * (~6,200 faults, 7-17 ms of system CPU); freed, the allocator hands the
 * same pages back. Once `budget` bytes were allocated since the last full
 * collection (anyone's: V8's own or the process's gc() reset the count), one
 * runs at the next turn of the event loop, after the current computation.
 */
export class SharedMemoryCollector {
  /** Full collections this collector ran. */
  collections = 0;
  /** Bytes counted since this collector was made (never reset). */
  allocated = 0;
  private bytes = 0;
  private collect: Collect | undefined | null = null;
  private observer: PerformanceObserver | undefined;
  private pending: NodeJS.Immediate | undefined;

  /** A collector that runs a full collection after `budget` bytes. */
  constructor(readonly budget: number) {}

  /** Bytes allocated since the last full collection, as far as this collector knows. */
  get sinceFull(): number {
    return this.bytes;
  }

  /** Counts `bytes` of SharedArrayBuffer just allocated. */
  note(bytes: number): void {
    this.observe();
    this.allocated += bytes;
    this.bytes += bytes;
    if (this.bytes < this.budget || this.pending) return;
    // Looked up only once needed: a process without big scans never sets V8's flags.
    if (this.collect === null) this.collect = v8Collector(v8, vm);
    if (!this.collect) return;
    // Never inside a computation: its arrays are still reachable there, and it would pay for the pause.
    this.pending = setImmediate(() => this.collectNow());
    this.pending.unref();
  }

  /** Stops watching collections and drops a pending one. */
  close(): void {
    clearImmediate(this.pending);
    this.pending = undefined;
    this.observer?.disconnect();
    this.observer = undefined;
  }

  private collectNow(): void {
    this.pending = undefined;
    // A full collection since the budget was passed (V8's, the process's) freed the arrays already.
    if (this.bytes < this.budget || !this.collect) return;
    this.collections++;
    this.collect();
    this.bytes = 0;
  }

  // Entries arrive a turn after their collection: allocations made in
  // between are forgotten too, which at worst delays the next collection.
  private observe(): void {
    if (this.observer) return;
    this.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const { kind } = (entry as { detail?: { kind?: number } }).detail ?? {};
        if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) this.bytes = 0;
      }
    });
    this.observer.observe({ entryTypes: ['gc'] });
  }
}

// Two 10M charts' row arrays. A full collection takes a 10M model's main
// thread 9-25 ms (one a chart cost about what the faults did), and glibc
// keeps up to 64 MiB freed at the top of its heap (model/keepFreedMemory.ts),
// beyond which a collection's freed pages went back to the kernel and were
// faulted in again: bench/engine/README.md has the figures.
const BUDGET = 48 * 2 ** 20;

/** The collector for the engine's own SharedArrayBuffers (sharedArrays.ts). */
export const sharedMemory = new SharedMemoryCollector(BUDGET);
