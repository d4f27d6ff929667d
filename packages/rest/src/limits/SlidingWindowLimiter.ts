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
 * `Retry-After`, drops its rate to what the server took in the last window
 * (see `slowDown`), and earns the rate back step by step over quiet windows.
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
  /** 429s seen since the current pause began, and the rate before it. */
  #refusedInPause = 0;
  #maxBeforePause = 0;
  #lastStepUp = -Infinity;
  /** Quiet windows to wait before the next step up. */
  #quietWindows = 1;
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

  /**
   * Told of a 429: nothing starts before `retryAfterMs` from now, and the rate
   * drops to what the server took: the calls answered in the last window, less
   * the ones it refused — when the server allows fewer than the spec says, or
   * other clients spend the same user's budget, that is its real limit for us —
   * but never below half the rate before.
   */
  slowDown(retryAfterMs: number): void {
    const now = this.#now();
    this.#forgetOld(now);
    // Calls in flight together get their 429s together: one signal, one drop per pause.
    const newPause = now >= this.#pausedUntil;
    if (newPause) {
      this.#refusedInPause = 0;
      this.#maxBeforePause = this.#max;
    }
    this.#refusedInPause += 1;
    const accepted = this.#finished.length - this.#refusedInPause;
    const half = Math.floor(this.#maxBeforePause / 2);
    this.#max = Math.max(1, Math.min(this.#maxBeforePause, Math.max(half, accepted)));
    // A step up that met a 429 within a window was one too many: wait longer before the next.
    if (newPause && now - this.#lastStepUp < this.windowMs)
      this.#quietWindows = Math.min(8, this.#quietWindows * 2);
    this.#pausedUntil = Math.max(this.#pausedUntil, now + retryAfterMs);
    this.#lastSlowDown = now;
    if (this.#queue.length > 0) this.#schedule(this.#pausedUntil - now);
  }

  #drain(): void {
    const now = this.#now();
    this.#recover(now);
    this.#forgetOld(now);
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

  /** Drops the calls answered more than a window ago. */
  #forgetOld(now: number): void {
    while (this.#finished.length > 0 && this.#finished[0] <= now - this.windowMs)
      this.#finished.shift();
  }

  /**
   * Earns the rate back one step (a tenth of the base) after enough quiet
   * windows: one, doubled (up to 8) each time a step was met by a 429, and
   * back to one after a step that held.
   */
  #recover(now: number): void {
    if (this.#max >= this.baseMax) return;
    // The last step met no 429: steps may come once a window again.
    if (this.#lastStepUp > this.#lastSlowDown) this.#quietWindows = 1;
    const since = Math.max(this.#lastSlowDown, this.#lastStepUp);
    if (now - since < this.windowMs * this.#quietWindows) return;
    this.#max = Math.min(this.baseMax, this.#max + Math.ceil(this.baseMax / 10));
    this.#lastStepUp = now;
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
