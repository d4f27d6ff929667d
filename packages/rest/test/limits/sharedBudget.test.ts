import { describe, expect, it } from 'vitest';
import { onFakeClock, runClient, SimulatedBudget } from './simulatedBudget.js';

// Scaled like bench/rest-client: Retry-After comes in tenths of a window (whole seconds of a minute).
const WINDOW_MS = 1000;

describe('SlidingWindowLimiter against a server budget (fake clock)', () => {
  it('two processes sharing one user: the one with more to do takes the budget the other leaves', async () => {
    const budget = new SimulatedBudget(100, WINDOW_MS);
    // Each believes it has the spec's 100 to itself; together they have 100, split about evenly
    // in the first burst. The second then has nothing left to do: its half of the next window is
    // the first's to take, or the first needs a third window.
    const [first, second] = await onFakeClock(
      () => Promise.all([runClient(budget, 100, 150, 5), runClient(budget, 100, 50, 5)]),
      10 * WINDOW_MS,
    );
    expect(budget.accepted).toHaveLength(200);
    expect(second.doneAt).toBeLessThan(WINDOW_MS / 10);
    // The floor is one window (calls 101 to 200 can start only as calls 1 to 100 leave it).
    expect(first.doneAt).toBeGreaterThanOrEqual(WINDOW_MS);
    expect(first.doneAt).toBeLessThan(1.25 * WINDOW_MS);
    // The first burst's callers in flight, and a probe or two.
    expect(budget.refused).toBeLessThanOrEqual(8);
    expect(first.limiter.max).toBeGreaterThan(90);
  });

  it('a server stricter than the spec: its rate within 5 %, few 429s', async () => {
    const budget = new SimulatedBudget(60, WINDOW_MS);
    const { doneAt, limiter } = await onFakeClock(
      () => runClient(budget, 100, 300, 10),
      20 * WINDOW_MS,
    );
    expect(budget.accepted).toHaveLength(300);
    // Call 300 can come no sooner than four windows after call 60.
    expect(doneAt).toBeGreaterThanOrEqual(4 * WINDOW_MS);
    expect(doneAt).toBeLessThan(4.2 * WINDOW_MS);
    // The ten callers in flight when the first burst met the limit, then one per refused probe,
    // probes coming less often each time (up to every half window).
    expect(budget.refused).toBeLessThanOrEqual(20);
    expect(limiter.max).toBe(60);
  });

  it('a server at the spec limit: no 429 at all', async () => {
    const budget = new SimulatedBudget(100, WINDOW_MS);
    const { doneAt, limiter } = await onFakeClock(
      () => runClient(budget, 100, 300, 10),
      20 * WINDOW_MS,
    );
    expect(budget.refused).toBe(0);
    expect(doneAt).toBeLessThan(2.1 * WINDOW_MS);
    expect(limiter.max).toBe(100);
  });
});
