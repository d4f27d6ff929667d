import type { CallOptions } from '../core/Operation.js';
import {
  cancelReload,
  getReload,
  type Reload as ReloadData,
  type Status,
} from '../generated/services/reloads.js';
import { sleep } from '../retry/sleep.js';
import { Resource } from './Resource.js';

/** How `Reload.wait` polls: the first interval, the longest one it backs off to, and a signal to stop. */
export interface ReloadWaitOptions {
  /** First wait between polls, in ms (default 1 000). */
  readonly intervalMs?: number;
  /** Longest wait between polls, in ms; intervals double up to it (default 10 000). */
  readonly maxIntervalMs?: number;
  /** Stops waiting; the wait rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

const FINISHED: ReadonlySet<Status> = new Set([
  'SUCCEEDED',
  'FAILED',
  'CANCELED',
  'EXCEEDED_LIMIT',
]);

/** One reload of an app, as `createReload` started it; `wait()` polls it to its end. */
export class Reload extends Resource<ReloadData> {
  /** The status last read: QUEUED, RELOADING, ... SUCCEEDED or FAILED. */
  get status(): Status {
    return this.details.status;
  }

  /** The reload log, once the tenant has one. */
  get log(): string | undefined {
    return this.details.log;
  }

  /** True once the reload has ended, whether it succeeded or not. */
  get finished(): boolean {
    return FINISHED.has(this.details.status);
  }

  /** True when the reload ended with SUCCEEDED. */
  get succeeded(): boolean {
    return this.details.status === 'SUCCEEDED';
  }

  /** Reads the reload again (`getReload`). */
  async refresh(options?: CallOptions): Promise<this> {
    this.details = await getReload(this.client, { reloadId: this.id }, options);
    return this;
  }

  /** Asks the tenant to cancel the reload; it ends as CANCELED (`cancelReload`). */
  async cancel(options?: CallOptions): Promise<this> {
    await cancelReload(this.client, { reloadId: this.id }, options);
    return this;
  }

  /** Polls until the reload has ended (SUCCEEDED, FAILED, CANCELED...), backing off between polls. */
  async wait(options: ReloadWaitOptions = {}): Promise<this> {
    let interval = options.intervalMs ?? 1_000;
    const maxInterval = Math.max(interval, options.maxIntervalMs ?? 10_000);
    while (!this.finished) {
      await sleep(interval, options.signal);
      await this.refresh({ signal: options.signal });
      interval = Math.min(interval * 2, maxInterval);
    }
    return this;
  }
}
