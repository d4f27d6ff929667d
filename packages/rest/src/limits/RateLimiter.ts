import type { Operation } from '../core/Operation.js';
import type { RateLimitOptions } from './RateLimitOptions.js';
import { SlidingWindowLimiter, type ReleasePermit } from './SlidingWindowLimiter.js';

/**
 * One sliding-window limiter per rate-limit budget: operations of tier 1 share
 * one, tier 2 another; each `special` operation has its own.
 */
export class RateLimiter {
  readonly enabled: boolean;
  readonly windowMs: number;
  readonly scale: number;
  readonly #buckets = new Map<string, SlidingWindowLimiter>();

  constructor(options: RateLimitOptions = {}) {
    this.enabled = options.enabled !== false;
    this.windowMs = options.windowMs ?? 60_000;
    this.scale = options.scale ?? 1;
  }

  /** The limiter whose budget an operation spends. */
  bucketFor(operation: Operation): SlidingWindowLimiter {
    const key = budgetKey(operation);
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = new SlidingWindowLimiter(operation.limit * this.scale, this.windowMs);
      this.#buckets.set(key, bucket);
    }
    return bucket;
  }

  /** Waits for the operation's turn (immediately when limiting is disabled); call the result once answered. */
  async acquire(operation: Operation, signal?: AbortSignal): Promise<ReleasePermit> {
    return this.enabled ? this.bucketFor(operation).acquire(signal) : () => undefined;
  }

  /** Calls waiting across all budgets. */
  get queueLength(): number {
    let total = 0;
    for (const bucket of this.#buckets.values()) total += bucket.queueLength;
    return total;
  }
}

/** Names the budget an operation spends: its tier, or the operation itself for `special` ones. */
export function budgetKey(operation: Operation): string {
  const tier = operation.tier.replace(/^tier/i, '');
  return tier === 'special' ? `special:${operation.id}` : `tier${tier}:${operation.limit}`;
}
