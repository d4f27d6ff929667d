import { QlikAbortError } from '../errors/QlikAbortError.js';
import { ConcurrencyLimiter } from '../limits/ConcurrencyLimiter.js';
import type { RateLimiter } from '../limits/RateLimiter.js';
import type { ReleasePermit } from '../limits/SlidingWindowLimiter.js';
import type { Hooks } from './Hooks.js';
import type { PreparedCall } from './PreparedCall.js';

/** Lets an attempt go out when the rate limiter gives it a slot and, with `maxConcurrency`, a connection place. */
export class CallAdmission {
  readonly #limiter: RateLimiter;
  readonly #concurrency: ConcurrencyLimiter | undefined;
  readonly #hooks: Hooks;

  constructor(limiter: RateLimiter, maxConcurrency: number | undefined, hooks: Hooks) {
    this.#limiter = limiter;
    this.#concurrency =
      maxConcurrency && Number.isFinite(maxConcurrency)
        ? new ConcurrencyLimiter(maxConcurrency)
        : undefined;
    this.#hooks = hooks;
  }

  /** Waits for the call's turn; the answer releases what it holds. */
  async waitForTurn(call: PreparedCall): Promise<ReleasePermit> {
    const signal = call.options?.signal;
    try {
      // The rate slot first: a call waiting for its turn should not also hold a connection place.
      const releaseRate = this.#limiter.enabled ? await this.#waitForRate(call) : () => undefined;
      if (!this.#concurrency) return releaseRate;
      const releasePlace = await this.#concurrency.acquire(signal).catch((error: unknown) => {
        releaseRate();
        throw error;
      });
      return () => {
        releasePlace();
        releaseRate();
      };
    } catch (cause) {
      throw new QlikAbortError(call.method, call.url.href, { cause });
    }
  }

  #waitForRate(call: PreparedCall): Promise<ReleasePermit> {
    const bucket = this.#limiter.bucketFor(call.operation);
    const acquired = bucket.acquire(call.options?.signal);
    if (bucket.queueLength > 0) {
      this.#hooks.onQueued?.({ operation: call.operation, queueLength: this.#limiter.queueLength });
    }
    return acquired;
  }
}
