/** Returned by `acquire`: call it when the server has answered (or the attempt failed). */
export type ReleasePermit = () => void;

interface Waiter {
  readonly resolve: (release: ReleasePermit) => void;
  readonly reject: (error: unknown) => void;
  readonly signal: AbortSignal | undefined;
  readonly onAbort: () => void;
}

/**
 * Lets at most `max` calls happen in any `windowMs`, releasing queued callers
 * first in, first out. A call holds its slot while in flight and is dated by
 * the moment its answer came: the server necessarily saw it before then, so
 * however long requests take to arrive, the server never counts more than
 * `max` in one of its windows. After a 429 it pauses for the server's
 * `Retry-After`, halves its rate, and earns the rate back one step per quiet window.
 */
export class SlidingWindowLimiter {
  readonly baseMax: number;
  readonly windowMs: number;
  #max: number;
  /** When recent calls finished, oldest first. */
  #finished: number[] = [];
  #inFlight = 0;
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

  /** Calls started and not yet released. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /**
   * Resolves when the caller may send its request, with the function to call
   * once it is answered; rejects if `signal` aborts first.
   */
  acquire(signal?: AbortSignal): Promise<ReleasePermit> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise<ReleasePermit>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          this.#queue = this.#queue.filter((entry) => entry !== waiter);
          // A timer left for an empty queue would keep a Node process alive for nothing.
          if (this.#queue.length === 0 && this.#timer !== undefined) {
            clearTimeout(this.#timer);
            this.#timer = undefined;
          }
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
    // Calls in flight together get their 429s together: that is one signal, so halve once per pause.
    if (now >= this.#pausedUntil) this.#max = Math.max(1, Math.floor(this.#max / 2));
    this.#pausedUntil = Math.max(this.#pausedUntil, now + retryAfterMs);
    this.#lastSlowDown = now;
    if (this.#queue.length > 0) this.#schedule(this.#pausedUntil - now);
  }

  #drain(): void {
    const now = this.#now();
    this.#recover(now);
    while (this.#finished.length > 0 && this.#finished[0] <= now - this.windowMs)
      this.#finished.shift();
    while (this.#queue.length > 0) {
      if (now < this.#pausedUntil) return this.#schedule(this.#pausedUntil - now);
      const free = this.#max - this.#inFlight - this.#finished.length;
      if (free <= 0) {
        // Every slot in flight: the next release drains. Otherwise wait for enough finished calls to age out.
        const mustExpire = this.#finished.length - (this.#max - this.#inFlight - 1);
        if (this.#inFlight >= this.#max) return;
        return this.#schedule(this.#finished[mustExpire - 1] + this.windowMs - now);
      }
      const waiter = this.#queue.shift() as Waiter;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.#inFlight += 1;
      waiter.resolve(this.#permit());
    }
  }

  #permit(): ReleasePermit {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#inFlight -= 1;
      this.#finished.push(this.#now());
      this.#drain();
    };
  }

  #recover(now: number): void {
    if (this.#max >= this.baseMax || now - this.#lastSlowDown < this.windowMs) return;
    this.#max = Math.min(this.baseMax, this.#max + Math.ceil(this.baseMax / 10));
    this.#lastSlowDown = now;
  }

  #schedule(delayMs: number): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#drain();
      },
      Math.max(1, delayMs),
    );
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}
