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
 * `Retry-After` and drops its rate to what the server took in the last window
 * (see `slowDown`). It takes the rate back by probing (see `#startProbe`),
 * only while callers wait on a full window: budget that another process stops
 * spending comes back within a few round trips, not windows.
 */
export class SlidingWindowLimiter {
  readonly baseMax: number;
  readonly windowMs: number;
  #max: number;
  /** When recent calls the server accepted were answered, oldest first, and when each was sent. */
  #finished: number[] = [];
  #sentAt: number[] = [];
  #inFlight = 0;
  #queue: Waiter[] = [];
  #pausedUntil = 0;
  #lastSlowDown = -Infinity;
  #lastPauseAt = -Infinity;
  #maxBeforePause = 0;
  /** Calls the next probe sends beyond a full window: 1 after a 429, doubled by each probe that met none. */
  #probeSize = 1;
  /** Wait before the next probe: a tenth of a window, doubled (up to half a window) by each refused probe. */
  #probeWaitMs: number;
  #nextProbeAt = 0;
  #lastProbeAt = -Infinity;
  /** Calls of the current probe not yet sent, and those in flight. */
  #probeLeft = 0;
  #probesInFlight = 0;
  #probeAnsweredAt = -Infinity;
  /** Whether the call released last was a probe: `slowDown` follows the release of the refused call. */
  #lastReleasedProbe = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #now: () => number;

  constructor(max: number, windowMs: number, now: () => number = Date.now) {
    this.baseMax = Math.max(1, Math.floor(max));
    this.#max = this.baseMax;
    this.windowMs = windowMs;
    this.#probeWaitMs = windowMs / 10;
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
   * Told of a 429, after the refused call's permit was released. A refused
   * probe only ends the probe (see `#probeRefused`). Any other 429: nothing
   * starts before `retryAfterMs` from now, and the rate drops to what the
   * server took — the calls it certainly counted in its window; when the
   * server allows fewer than the spec says, or other clients spend the same
   * user's budget, that is its real limit for us.
   */
  slowDown(retryAfterMs: number): void {
    const now = this.#now();
    // The refused call was released as answered; the server did not count it, so neither do we.
    this.#finished.pop();
    this.#sentAt.pop();
    this.#forgetOld(now);
    if (this.#lastReleasedProbe && now >= this.#pausedUntil) return this.#probeRefused(now);
    // Calls in flight together get their 429s together (over a tenth of a window, when Retry-After is
    // short): one signal, one drop.
    if (now >= this.#pausedUntil && now - this.#lastPauseAt >= this.windowMs / 10) {
      this.#lastPauseAt = now;
      this.#maxBeforePause = this.#max;
      this.#probeWaitMs =
        now - this.#lastProbeAt < this.windowMs ? this.#longerProbeWait() : this.windowMs / 10;
    }
    // Calls still in flight may be refused too (and retried at once after a short Retry-After): count none.
    this.#max = Math.max(1, Math.min(this.#maxBeforePause, this.#counted(now)));
    this.#probeSize = 1;
    this.#probeLeft = 0;
    this.#pausedUntil = Math.max(this.#pausedUntil, now + retryAfterMs);
    this.#nextProbeAt = this.#pausedUntil + this.#probeWaitMs;
    this.#lastSlowDown = now;
    if (this.#queue.length > 0) this.#schedule(this.#pausedUntil - now);
  }

  /**
   * The server has no room beyond what we send: the calls within the rate go
   * on without a pause — its `Retry-After`, in whole seconds, would shift
   * every later call by up to a second — and the next probe waits longer.
   * Only the refused call waits `Retry-After` out.
   */
  #probeRefused(now: number): void {
    // The other calls of the same probe get their 429s too: one signal, one longer wait.
    if (this.#lastSlowDown < this.#lastProbeAt) this.#probeWaitMs = this.#longerProbeWait();
    this.#probeLeft = 0;
    this.#probeSize = 1;
    this.#nextProbeAt = now + this.#probeWaitMs;
    this.#lastSlowDown = now;
  }

  #longerProbeWait(): number {
    return Math.min(this.windowMs / 2, this.#probeWaitMs * 2);
  }

  #drain(): void {
    const now = this.#now();
    this.#forgetOld(now);
    while (this.#queue.length > 0) {
      if (now < this.#pausedUntil) return this.#schedule(this.#pausedUntil - now);
      const full = this.#max - this.#inFlight - this.#finished.length <= 0;
      if (full && this.#probeLeft === 0 && !this.#startProbe(now)) return this.#waitForSlot(now);
      const waiter = this.#queue.shift() as Waiter;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.#inFlight += 1;
      // A call beyond a full window is a probe's.
      if (full) {
        this.#probeLeft -= 1;
        this.#probesInFlight += 1;
      }
      waiter.resolve(this.#permit(full, now));
    }
  }

  /**
   * With callers waiting on a full window below the base rate, sends a probe:
   * one call beyond the window at first, twice as many each time a probe met
   * no 429 (up to a tenth of the base), and raises the rate to what the server
   * has certainly counted in one window. Probes that succeed only on slack
   * (calls we still count that the server already let go: sent before its
   * window began) raise nothing but grow. The server refusing one costs a few
   * 429s and makes the next one wait longer.
   */
  #startProbe(now: number): boolean {
    if (!this.#mayProbe() || now < this.#nextProbeAt) return false;
    // Not in the turn its last call was answered: a 429 for it is reported after the release.
    if (now <= this.#probeAnsweredAt) return false;
    const counted = this.#counted(now);
    // The server accepted all of these within one of its windows, whatever the last probe met.
    const raised = counted > this.#max;
    if (raised) this.#max = Math.min(this.baseMax, counted);
    if (this.#lastProbeAt > this.#lastSlowDown) {
      if (raised) this.#probeWaitMs = this.windowMs / 10;
      this.#probeSize = Math.min(this.#probeSize * 2, Math.ceil(this.baseMax / 10));
    }
    if (this.#max >= this.baseMax) return false;
    this.#probeLeft = this.#probeSize;
    this.#lastProbeAt = now;
    return true;
  }

  #mayProbe(): boolean {
    return this.#max < this.baseMax && this.#probeLeft === 0 && this.#probesInFlight === 0;
  }

  /** Calls the server certainly counts in its window now: those it accepted that were sent within a window. */
  #counted(now: number): number {
    let count = 0;
    for (const sent of this.#sentAt) if (sent > now - this.windowMs) count += 1;
    return count;
  }

  /** Sleeps until a finished call ages out or a probe may go; a release drains sooner. */
  #waitForSlot(now: number): void {
    let wait = Infinity;
    // Unless every slot is in flight, enough finished calls must age out to free one.
    const mustExpire = this.#finished.length - (this.#max - this.#inFlight - 1);
    if (this.#inFlight < this.#max && mustExpire > 0)
      wait = this.#finished[mustExpire - 1] + this.windowMs - now;
    if (this.#mayProbe())
      wait = Math.min(wait, Math.max(this.#nextProbeAt, this.#probeAnsweredAt + 1) - now);
    if (wait < Infinity) this.#schedule(wait);
  }

  #permit(probing: boolean, sentAt: number): ReleasePermit {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const now = this.#now();
      this.#inFlight -= 1;
      this.#finished.push(now);
      this.#sentAt.push(sentAt);
      this.#lastReleasedProbe = probing;
      if (probing) {
        this.#probesInFlight -= 1;
        this.#probeAnsweredAt = now;
      }
      this.#drain();
    };
  }

  /** Drops the calls answered more than a window ago. */
  #forgetOld(now: number): void {
    let old = 0;
    while (old < this.#finished.length && this.#finished[old] <= now - this.windowMs) old += 1;
    if (old === 0) return;
    this.#finished.splice(0, old);
    this.#sentAt.splice(0, old);
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
