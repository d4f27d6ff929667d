import { vi } from 'vitest';
import { SlidingWindowLimiter } from '../../src/index.js';

/**
 * A server's per-user budget on vitest's fake clock: `limit` calls accepted in
 * any sliding `windowMs`; over it, a refusal with Retry-After rounded up to
 * `retryStepMs` (Qlik sends whole seconds of its minute: a tenth of a window
 * here).
 */
export class SimulatedBudget {
  readonly accepted: number[] = [];
  refused = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    readonly retryStepMs = windowMs / 10,
  ) {}

  /** Undefined when accepted; otherwise the Retry-After in ms. */
  take(now: number): number | undefined {
    const recent = this.accepted.filter((at) => at > now - this.windowMs);
    if (recent.length < this.limit) {
      this.accepted.push(now);
      return undefined;
    }
    this.refused += 1;
    const wait = recent[0] + this.windowMs - now;
    return Math.max(this.retryStepMs, Math.ceil(wait / this.retryStepMs) * this.retryStepMs);
  }

  /** Most calls accepted in any window. */
  busiestWindow(): number {
    let most = 0;
    for (const start of this.accepted)
      most = Math.max(
        most,
        this.accepted.filter((at) => at >= start && at < start + this.windowMs).length,
      );
    return most;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One client process: its own limiter (believing it has `specLimit` per
 * window) and `callers` callers making `total` calls between them, each call
 * taking `latencyMs` and waiting out Retry-After on a refusal as the client
 * does. Resolves with the fake clock's time when the last call succeeded.
 */
export async function runClient(
  budget: SimulatedBudget,
  specLimit: number,
  total: number,
  callers: number,
  latencyMs = 5,
): Promise<{ doneAt: number; limiter: SlidingWindowLimiter }> {
  const limiter = new SlidingWindowLimiter(specLimit, budget.windowMs);
  let next = 0;
  const caller = async () => {
    while (next < total) {
      next += 1;
      for (;;) {
        const release = await limiter.acquire();
        // The server sees the request half-way through its round trip.
        await sleep(latencyMs / 2);
        const retryAfter = budget.take(Date.now());
        await sleep(latencyMs / 2);
        release();
        if (retryAfter === undefined) break;
        limiter.slowDown(retryAfter);
        await sleep(retryAfter);
      }
    }
  };
  await Promise.all(Array.from({ length: callers }, caller));
  return { doneAt: Date.now(), limiter };
}

/** Runs `work` on the fake clock until it settles (at most `limitMs` of simulated time). */
export async function onFakeClock<T>(work: () => Promise<T>, limitMs: number): Promise<T> {
  vi.useFakeTimers({ now: 0 });
  try {
    let settled = false;
    const result = work().finally(() => {
      settled = true;
    });
    for (let elapsed = 0; !settled && elapsed < limitMs; elapsed += 1)
      await vi.advanceTimersByTimeAsync(1);
    if (!settled) throw new Error(`still running after ${limitMs} ms of simulated time`);
    return await result;
  } finally {
    vi.useRealTimers();
  }
}
