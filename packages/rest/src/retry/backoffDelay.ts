/**
 * Delay before retry number `attempt` (0-based): "full jitter", a random time
 * between 0 and the exponential step, so many clients do not retry in step.
 */
export function backoffDelay(
  attempt: number,
  minDelayMs: number,
  maxDelayMs: number,
  random: () => number = Math.random,
): number {
  const step = Math.min(maxDelayMs, minDelayMs * 2 ** attempt);
  return Math.floor(random() * step);
}
