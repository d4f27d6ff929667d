import type { SpecOperation } from '../routes/SpecOperation.js';

/** The tenant's rate limits: Qlik's tier limits per user, scaled and over a window. */
export interface RateLimitOptions {
  /** The window the per-minute limits apply over; 60 000 ms by default (Qlik's limits are per minute). */
  readonly windowMs?: number;
  /** Multiplies every limit (0.1 → a tenth); 1 by default. */
  readonly scale?: number;
}

/**
 * Counts each user's requests per rate-limit budget over a sliding window, as
 * Qlik Cloud does: all tier-1 operations share one budget, all tier-2
 * operations another, and each `special` operation has its own. A request
 * over the limit is refused with the seconds until a slot frees.
 */
export class RateLimiter {
  private readonly windowMs: number;
  private readonly scale: number;
  private readonly logs = new Map<string, { times: number[]; start: number }>();
  private lastSweep = 0;

  constructor(options: RateLimitOptions = {}) {
    this.windowMs = options.windowMs ?? 60_000;
    this.scale = options.scale ?? 1;
  }

  /** Records a request by `userId`; null when allowed, else the whole seconds to wait (`Retry-After`). */
  take(userId: string, operation: SpecOperation, now = Date.now()): number | null {
    const budget =
      operation.tier === 'special' ? `${operation.service}.${operation.id}` : operation.tier;
    const key = `${userId}\u0000${budget}`;
    const limit = Math.max(1, Math.floor(operation.limit * this.scale));
    // Sweep before taking the log: a sweep after would drop a fresh or idle log
    // from the map while this request is recorded in it, and the request would go uncounted.
    this.sweep(now);
    let log = this.logs.get(key);
    if (!log) this.logs.set(key, (log = { times: [], start: 0 }));
    const horizon = now - this.windowMs;
    while (log.start < log.times.length && log.times[log.start]! <= horizon) log.start++;
    if (log.start > 64 && log.start * 2 > log.times.length) {
      log.times = log.times.slice(log.start);
      log.start = 0;
    }
    if (log.times.length - log.start >= limit) {
      const oldest = log.times[log.start]!;
      return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
    }
    log.times.push(now);
    return null;
  }

  /** Forgets budgets idle for a whole window, so memory follows the active users. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, log] of this.logs) {
      const newest = log.times[log.times.length - 1];
      if (newest === undefined || newest <= now - this.windowMs) this.logs.delete(key);
    }
  }
}
