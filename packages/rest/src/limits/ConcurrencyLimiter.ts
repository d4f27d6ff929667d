import type { ReleasePermit } from './SlidingWindowLimiter.js';

/**
 * Caps how many requests are in flight at once, first in, first out. The rate
 * limiter alone would let a whole minute's budget (1,000 calls) open sockets at
 * the same instant.
 */
export class ConcurrencyLimiter {
  readonly max: number;
  #active = 0;
  #queue: {
    resolve: (release: ReleasePermit) => void;
    reject: (reason: unknown) => void;
    signal?: AbortSignal;
    onAbort: () => void;
  }[] = [];

  constructor(max: number) {
    this.max = Math.max(1, Math.floor(max));
  }

  /** Requests in flight. */
  get active(): number {
    return this.#active;
  }

  /** Requests waiting for a free place. */
  get queueLength(): number {
    return this.#queue.length;
  }

  /** Resolves with a release function once fewer than `max` requests are in flight. */
  acquire(signal?: AbortSignal): Promise<ReleasePermit> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#active < this.max && this.#queue.length === 0) return Promise.resolve(this.#grant());
    return new Promise((resolve, reject) => {
      const entry = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          this.#queue = this.#queue.filter((queued) => queued !== entry);
          reject(signal?.reason);
        },
      };
      signal?.addEventListener('abort', entry.onAbort, { once: true });
      this.#queue.push(entry);
    });
  }

  #grant(): ReleasePermit {
    this.#active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#active -= 1;
      const next = this.#queue.shift();
      if (next) {
        next.signal?.removeEventListener('abort', next.onAbort);
        next.resolve(this.#grant());
      }
    };
  }
}
