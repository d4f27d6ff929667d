/** Retries of network errors and 5xx answers, with exponential backoff and full jitter. */
export interface RetryOptions {
  /** Retries after the first attempt (default 2; 0 disables). */
  readonly retries?: number;
  /** Backoff base: the first retry waits up to this long (default 200 ms). */
  readonly minDelayMs?: number;
  /** Backoff cap (default 10 000 ms). */
  readonly maxDelayMs?: number;
  /** Statuses worth another try (default 500, 502, 503, 504). */
  readonly statuses?: readonly number[];
}
