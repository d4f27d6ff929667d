/** Client-side rate limiting, from each operation's `x-qlik-tier` limit per minute. */
export interface RateLimitOptions {
  /** Set false to send requests as soon as they are made (429s are still waited out). */
  readonly enabled?: boolean;
  /** Length of the sliding window the per-minute limits apply to (default 60 000 ms; shorter in tests). */
  readonly windowMs?: number;
  /** Multiplier on every operation's limit, e.g. 0.5 when two processes share one user (default 1). */
  readonly scale?: number;
  /** Most requests in flight at once, across all budgets (default: no cap). */
  readonly maxConcurrency?: number;
  /** How many 429s in a row one call waits out before it fails (default 5). */
  readonly maxRetries?: number;
  /** Longest `Retry-After` that is waited out; a longer one fails the call at once (default 5 minutes). */
  readonly maxRetryAfterMs?: number;
  /** Wait used when a 429 has no readable `Retry-After` (default 1 000 ms). */
  readonly defaultRetryAfterMs?: number;
}
