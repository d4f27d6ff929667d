import type { QlikError } from '../errors/QlikError.js';
import { backoffDelay } from '../retry/backoffDelay.js';
import { isIdempotent } from '../retry/isIdempotent.js';
import type { RetryOptions } from '../retry/RetryOptions.js';
import type { AttemptOutcome, Counters, PreparedCall } from './PreparedCall.js';

const RETRY_DEFAULTS: Required<RetryOptions> = {
  retries: 2,
  minDelayMs: 200,
  maxDelayMs: 10_000,
  statuses: [500, 502, 503, 504],
};

/** Which failed attempts are tried again, and after how long (exponential backoff). */
export class RetryPolicy {
  readonly #retry: Required<RetryOptions>;

  constructor(options: RetryOptions | false | undefined) {
    this.#retry =
      options === false ? { ...RETRY_DEFAULTS, retries: 0 } : { ...RETRY_DEFAULTS, ...options };
  }

  /** The HTTP statuses that are worth a retry. */
  get statuses(): readonly number[] {
    return this.#retry.statuses;
  }

  /** Whether the call may go out again: its body can be replayed, retries are left, and it is idempotent. */
  mayRetry(call: PreparedCall, counters: Counters): boolean {
    const replayable = !call.body || call.body.source.replayable;
    return (
      replayable &&
      counters.retries < this.#retry.retries &&
      isIdempotent(call.operation, call.options)
    );
  }

  /** Counts a retry and answers it with its backoff delay (at least `atLeastMs`, a server's Retry-After). */
  retryAfterBackoff(counters: Counters, error: QlikError, atLeastMs = 0): AttemptOutcome {
    const delayMs = Math.max(
      atLeastMs,
      backoffDelay(counters.retries, this.#retry.minDelayMs, this.#retry.maxDelayMs),
    );
    counters.retries += 1;
    return { done: false, reason: 'retry', delayMs, error };
  }
}
