import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parallelism } from '../parallel/engineThreads.js';
import type { ColumnsPart } from './ColumnsPart.js';
import type { JsonFileJob } from './encodeJsonFile.js';
import type { DelimitedRangeJob } from './scanDelimitedRange.js';

/** Work the worker does: a byte range of a delimited file, or a whole JSON file. */
export type LoadJob = DelimitedRangeJob | JsonFileJob;

/** What the worker posts: that it is ready, a job's result (undefined: a CSV range needs the text parser), or a failure. */
type WorkerMessage = { ready: true } | { result: ColumnsPart | undefined } | { error: string };

/**
 * The one worker thread that encodes part of a large CSV or JSON file beside
 * the loading thread (two threads, as DuckDB's readers use on this kind of
 * machine). It starts on first need and is used once it is up, so a load
 * never waits for it to boot; it does not keep the process alive when idle.
 */
export class LoadWorkerPool {
  private static instance: LoadWorkerPool | undefined;
  private readonly worker: Worker;
  private readonly started: Promise<boolean>;
  private ready = false;
  private failed = false;
  private pending: ((result: ColumnsPart | undefined) => void) | undefined;

  private constructor() {
    this.worker = startWorker();
    this.worker.unref();
    this.started = new Promise((resolve) => {
      this.worker.on('message', (message: WorkerMessage) => {
        if ('ready' in message) {
          this.ready = true;
          // Unref'd before it was up, a worker booting through tsx holds the process anyway: again now.
          if (this.pending === undefined) this.worker.unref();
          resolve(true);
        } else this.settle('result' in message ? message.result : undefined);
      });
      this.worker.on('error', () => {
        this.failed = true;
        this.settle(undefined);
        resolve(false);
      });
      this.worker.on('exit', () => {
        this.failed = true;
        this.settle(undefined);
        resolve(false);
      });
    });
  }

  /**
   * The pool, started if it was not; undefined when the engine runs on one
   * thread (a one-core machine, `QLIKIT_ENGINE_THREADS=1`, `configureParallelism`).
   */
  static shared(): LoadWorkerPool | undefined {
    if (parallelism().threads < 2) return undefined;
    LoadWorkerPool.instance ??= new LoadWorkerPool();
    return LoadWorkerPool.instance;
  }

  /** Waits until the worker is up; false when it cannot start. */
  whenReady(): Promise<boolean> {
    return this.started;
  }

  /** Whether a job would start now (the worker is up and idle). */
  get available(): boolean {
    return this.ready && !this.failed && this.pending === undefined;
  }

  /** Runs a job in the worker; undefined when it cannot (busy, failed, or a CSV range needs the text parser). */
  run(job: LoadJob): Promise<ColumnsPart | undefined> {
    if (!this.available) return Promise.resolve(undefined);
    // A job in flight keeps the process alive until its answer is in.
    this.worker.ref();
    return new Promise((resolve) => {
      this.pending = resolve;
      this.worker.postMessage(job);
    });
  }

  private settle(result: ColumnsPart | undefined): void {
    const pending = this.pending;
    this.pending = undefined;
    this.worker.unref();
    pending?.(result);
  }
}

/** The worker from the built JavaScript, or from the TypeScript sources through tsx (tests, benches). */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./loadWorker.js', here));
  const entry = new URL('./loadWorker.ts', here).href;
  const tsx = tsxRegisterUrl(here);
  const boot = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}

/** tsx's ESM register API (its CommonJS twin cannot register hooks from a worker). */
function tsxRegisterUrl(from: string): string {
  if (typeof import.meta.resolve === 'function') return import.meta.resolve('tsx/esm/api');
  const commonJs = createRequire(from).resolve('tsx/esm/api');
  return pathToFileURL(commonJs.replace(/\.cjs$/, '.mjs')).href;
}
