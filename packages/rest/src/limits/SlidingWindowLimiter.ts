interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

/**
 * Lets at most `max` calls start in any `windowMs` (a sliding window over the
 * start times), releasing queued callers first in, first out. After a 429 it
 * pauses for the server's `Retry-After`, halves its rate, and earns the rate
 * back one step per quiet window.
 */
export class SlidingWindowLimiter {
  readonly baseMax: number;
  readonly windowMs: number;
  #max: number;
  #starts: number[] = [];
  #queue: Waiter[] = [];
  #pausedUntil = 0;
  #lastSlowDown = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #now: () => number;

  constructor(max: number, windowMs: number, now: () => number = Date.now) {
    this.baseMax = Math.max(1, Math.floor(max));
    this.#max = this.baseMax;
    this.windowMs = windowMs;
    this.#now = now;
  }

  /** Calls allowed per window right now (lower than `baseMax` after a 429). */
  get max(): number {
    return this.#max;
  }

  /** Callers waiting for their turn. */
  get queueLength(): number {
    return this.#queue.length;
  }

  /** Resolves when the caller may start its request; rejects if `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          this.#queue = this.#queue.filter((entry) => entry !== waiter);
          reject(abortReason(signal as AbortSignal));
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.#queue.push(waiter);
      this.#drain();
    });
  }

  /** Told of a 429: nothing starts before `retryAfterMs` from now, and the rate is halved. */
  slowDown(retryAfterMs: number): void {
    const now = this.#now();
    this.#pausedUntil = Math.max(this.#pausedUntil, now + retryAfterMs);
    this.#max = Math.max(1, Math.floor(this.#max / 2));
    this.#lastSlowDown = now;
    if (this.#queue.length > 0) this.#schedule(this.#pausedUntil - now);
  }

  #drain(): void {
    const now = this.#now();
    this.#recover(now);
    while (this.#starts.length > 0 && this.#starts[0] <= now - this.windowMs) this.#starts.shift();
    while (this.#queue.length > 0) {
      if (now < this.#pausedUntil) return this.#schedule(this.#pausedUntil - now);
      if (this.#starts.length >= this.#max) {
        return this.#schedule(this.#starts[this.#starts.length - this.#max] + this.windowMs - now);
      }
      const waiter = this.#queue.shift() as Waiter;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.#starts.push(now);
      waiter.resolve();
    }
  }

  #recover(now: number): void {
    if (this.#max >= this.baseMax || now - this.#lastSlowDown < this.windowMs) return;
    this.#max = Math.min(this.baseMax, this.#max + Math.ceil(this.baseMax / 10));
    this.#lastSlowDown = now;
  }

  #schedule(delayMs: number): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#drain();
    }, Math.max(1, delayMs));
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}
