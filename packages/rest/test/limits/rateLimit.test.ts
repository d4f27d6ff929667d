import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  budgetKey,
  createClient,
  parseRetryAfter,
  QlikApiError,
  SlidingWindowLimiter,
  type RateLimitedEvent,
} from '../../src/index.js';
import { startTestServer, sendJson, type TestServer } from '../helpers/testServer.js';
import { limitedOperation, getApp } from '../helpers/operations.js';

const WINDOW_MS = 200;
const SERVER_LIMIT = 10;

let server: TestServer;
let accepted: number[];
let rejected: number;

/** A route that enforces SERVER_LIMIT requests per sliding WINDOW_MS, like Qlik's per-user limit. */
function enforceLimit(res: Parameters<Parameters<TestServer['route']>[1]>[1]) {
  const now = performance.now();
  const recent = accepted.filter((at) => at > now - WINDOW_MS).length;
  if (recent >= SERVER_LIMIT) {
    rejected += 1;
    return sendJson(
      res,
      429,
      { errors: [{ code: 'HTTP-429', title: 'Too Many Requests' }] },
      { 'retry-after': '0' },
    );
  }
  accepted.push(now);
  sendJson(res, 200, { ok: true });
}

/** Most requests the server accepted in any window of WINDOW_MS. */
function busiestWindow(): number {
  let most = 0;
  for (const start of accepted)
    most = Math.max(most, accepted.filter((at) => at >= start && at < start + WINDOW_MS).length);
  return most;
}

beforeEach(async () => {
  accepted = [];
  rejected = 0;
  server = await startTestServer({ 'GET /api/v1/limited': (_req, res) => enforceLimit(res) });
});
afterEach(() => server.close());

describe('client-side limiter', () => {
  it('keeps a burst of 40 calls under the per-window limit: zero 429s', async () => {
    const queued: number[] = [];
    const client = createClient({
      host: server.url,
      rateLimit: { windowMs: WINDOW_MS },
      hooks: { onQueued: (e) => queued.push(e.queueLength) },
    });
    // The operation allows 8 per window; the server allows 10, leaving room for network jitter.
    const operation = limitedOperation(8);
    const results = await Promise.all(
      Array.from({ length: 40 }, () => client.request(operation, {})),
    );
    expect(results).toHaveLength(40);
    expect(rejected).toBe(0);
    expect(accepted).toHaveLength(40);
    expect(busiestWindow()).toBeLessThanOrEqual(SERVER_LIMIT);
    expect(Math.max(...queued)).toBeGreaterThan(0);
    expect(client.limiter.queueLength).toBe(0);
  });

  it('is what prevents the 429s: without it the same burst is refused', async () => {
    const client = createClient({ host: server.url, rateLimit: { enabled: false, maxRetries: 0 } });
    const settled = await Promise.allSettled(
      Array.from({ length: 40 }, () => client.request(limitedOperation(8), {})),
    );
    expect(rejected).toBeGreaterThan(0);
    const failure = settled.find((s) => s.status === 'rejected') as PromiseRejectedResult;
    expect(failure.reason).toBeInstanceOf(QlikApiError);
    expect(failure.reason).toMatchObject({ status: 429, code: 'HTTP-429' });
  });

  it('finds a server stricter than the spec: every call succeeds, few 429s', async () => {
    const client = createClient({ host: server.url, rateLimit: { windowMs: WINDOW_MS } });
    // The spec says 20 per window; the server allows SERVER_LIMIT (10) and answers Retry-After: 0.
    const operation = limitedOperation(20);
    const results = await Promise.all(
      Array.from({ length: 40 }, () => client.request(operation, {})),
    );
    expect(results).toHaveLength(40);
    expect(accepted).toHaveLength(40);
    expect(client.limiter.bucketFor(operation).max).toBeLessThan(20);
    // The ten over the limit in the first burst, then a refused probe now and then: one call each,
    // coming a tenth of a window after the 429s, then less often, at most twice a window.
    const windows = Math.ceil((accepted[39] - accepted[0]) / WINDOW_MS);
    expect(rejected).toBeLessThanOrEqual(10 + 4 + 2 * windows);
  });

  it('caps requests in flight with maxConcurrency', async () => {
    let inFlight = 0;
    let most = 0;
    server.route('GET /api/v1/apps/:appId', async (_req, res) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 10));
      inFlight -= 1;
      sendJson(res, 200, {});
    });
    const client = createClient({ host: server.url, rateLimit: { maxConcurrency: 3 } });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => client.request(getApp, { appId: `a${i}` })),
    );
    expect(server.seen('/api/v1/apps/a0')).toHaveLength(1);
    expect(server.requests).toHaveLength(20);
    expect(most).toBe(3);
  });

  it('lets a call of another budget pass while one budget is queued', async () => {
    server.route('GET /api/v1/apps/:appId', (_req, res) => sendJson(res, 200, {}));
    const order: string[] = [];
    const client = createClient({ host: server.url, rateLimit: { windowMs: 60_000 } });
    const slow = limitedOperation(1, 'special', 'slow');
    await client.request(slow, {});
    const controller = new AbortController();
    const queued = client
      .request(slow, {}, { signal: controller.signal })
      .catch(() => order.push('slow aborted'));
    await client.request(getApp, { appId: 'a' }).then(() => order.push('tier1 done'));
    controller.abort();
    await queued;
    expect(order).toEqual(['tier1 done', 'slow aborted']);
  });

  it('scales every limit with `scale`', () => {
    const client = createClient({
      host: server.url,
      rateLimit: { windowMs: WINDOW_MS, scale: 0.5 },
    });
    expect(client.limiter.bucketFor(limitedOperation(100)).max).toBe(50);
  });

  it('shares one budget per tier and gives each special operation its own', () => {
    const client = createClient({ host: server.url });
    const a = client.limiter.bucketFor(limitedOperation(100, '2', 'a'));
    const b = client.limiter.bucketFor(limitedOperation(100, '2', 'b'));
    const s1 = client.limiter.bucketFor(limitedOperation(100, 'special', 's1'));
    const s2 = client.limiter.bucketFor(limitedOperation(100, 'special', 's2'));
    expect(a).toBe(b);
    expect(s1).not.toBe(s2);
    expect(s1).not.toBe(a);
    expect(budgetKey(limitedOperation(1000, 'tier1'))).toBe(budgetKey(limitedOperation(1000, '1')));
  });
});

describe('429 answers', () => {
  function rateLimitOnce(retryAfter: string) {
    let calls = 0;
    server.route('GET /api/v1/apps/:appId', (_req, res) => {
      calls += 1;
      if (calls === 1) {
        return sendJson(
          res,
          429,
          { errors: [{ code: 'HTTP-429', title: 'Too Many Requests' }] },
          { 'retry-after': retryAfter },
        );
      }
      sendJson(res, 200, { calls });
    });
  }

  it('waits for Retry-After in seconds, retries, and slows that budget down', async () => {
    rateLimitOnce('1');
    const events: RateLimitedEvent[] = [];
    const client = createClient({
      host: server.url,
      rateLimit: { windowMs: 60_000 },
      hooks: { onRateLimited: (e) => events.push(e) },
    });
    await expect(client.request(getApp, { appId: 'a' })).resolves.toEqual({ calls: 2 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ retryAfterMs: 1000, limit: 1 });
    // It had no call of its own in the window: the server's whole budget went elsewhere.
    expect(client.limiter.bucketFor(getApp).max).toBe(1);
  });

  it('waits for Retry-After given as an HTTP date', async () => {
    rateLimitOnce(new Date(Date.now() + 1000).toUTCString());
    const events: RateLimitedEvent[] = [];
    const client = createClient({
      host: server.url,
      hooks: { onRateLimited: (e) => events.push(e) },
    });
    await expect(client.request(getApp, { appId: 'a' })).resolves.toEqual({ calls: 2 });
    expect(events).toHaveLength(1);
    expect(server.seen('/api/v1/apps/a')).toHaveLength(2);
  });

  it('waits out 429s even with the limiter disabled, up to maxRetries', async () => {
    let calls = 0;
    server.route('GET /api/v1/apps/:appId', (_req, res) => {
      calls += 1;
      sendJson(
        res,
        429,
        { errors: [{ code: 'HTTP-429', title: 'Too Many Requests' }] },
        { 'retry-after': '0' },
      );
    });
    const client = createClient({ host: server.url, rateLimit: { enabled: false, maxRetries: 3 } });
    await expect(client.request(getApp, { appId: 'a' })).rejects.toMatchObject({ status: 429 });
    expect(calls).toBe(4);
  });

  it('fails at once when Retry-After is longer than maxRetryAfterMs', async () => {
    rateLimitOnce('3600');
    const client = createClient({ host: server.url, rateLimit: { maxRetryAfterMs: 10_000 } });
    await expect(client.request(getApp, { appId: 'a' })).rejects.toMatchObject({
      status: 429,
      code: 'HTTP-429',
    });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('Mon, 23 Nov 2026 12:00:00 GMT');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('SlidingWindowLimiter', () => {
  it('releases queued callers first in, first out', async () => {
    const limiter = new SlidingWindowLimiter(2, 30);
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        limiter.acquire().then((release) => {
          order.push(i);
          release();
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('drops an aborted caller from the queue', async () => {
    const limiter = new SlidingWindowLimiter(1, 10_000);
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    expect(limiter.queueLength).toBe(1);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(limiter.queueLength).toBe(0);
  });

  it('holds a slot while the call is in flight', async () => {
    const limiter = new SlidingWindowLimiter(2, 1);
    const first = await limiter.acquire();
    await limiter.acquire();
    let thirdStarted = false;
    const third = limiter.acquire().then((release) => {
      thirdStarted = true;
      return release;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(thirdStarted).toBe(false);
    expect(limiter.inFlight).toBe(2);
    first();
    (await third)();
    expect(thirdStarted).toBe(true);
  });

  it('drops to what the server took after a 429, never below one', () => {
    const limiter = new SlidingWindowLimiter(3, 1000);
    limiter.slowDown(0);
    expect(limiter.max).toBe(1);
    limiter.slowDown(0);
    expect(limiter.max).toBe(1);
  });
});

describe('SlidingWindowLimiter after a 429 (fake clock)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const at = (ms: number) => vi.advanceTimersByTimeAsync(ms - Date.now());
  /** Queues a caller; `started()` says whether it got its turn. */
  function queue(limiter: SlidingWindowLimiter) {
    let release: (() => void) | undefined;
    void limiter.acquire().then((r) => {
      release = r;
    });
    return { started: () => release !== undefined, release: () => release?.() };
  }

  it('drops to the calls the server counted; the refused ones hold no slot', async () => {
    const limiter = new SlidingWindowLimiter(100, 1000);
    for (let i = 0; i < 60; i++) (await limiter.acquire())();
    const inFlight = [await limiter.acquire(), await limiter.acquire(), await limiter.acquire()];
    await at(100);
    // The server refuses the three in flight: it took 60 in its window.
    for (const release of inFlight) {
      release();
      limiter.slowDown(200);
    }
    expect(limiter.max).toBe(60);
    const callers = Array.from({ length: 70 }, () => queue(limiter));
    const started = () => callers.filter((caller) => caller.started()).length;
    await at(399);
    expect(started()).toBe(0);
    // After Retry-After and a tenth of a window, a caller waiting on the full window probes.
    await at(400);
    expect(started()).toBe(1);
    // The 60 age out; the refused calls (answered later) held no slot.
    await at(999);
    expect(started()).toBe(1);
    await at(1000);
    expect(started()).toBe(60);
    for (const caller of callers) caller.release();
  });

  it('raises the rate to what the server counted after a probe met no 429; the next is twice as big', async () => {
    const limiter = new SlidingWindowLimiter(100, 1000);
    for (let i = 0; i < 51; i++) (await limiter.acquire())();
    limiter.slowDown(100);
    expect(limiter.max).toBe(50);
    await at(1000);
    for (let i = 0; i < 50; i++) (await limiter.acquire())();
    // Nothing waits: no probe, whatever the time.
    expect(limiter.max).toBe(50);
    const probe = queue(limiter);
    const waiting = queue(limiter);
    await at(1000);
    expect([probe.started(), waiting.started()]).toEqual([true, false]);
    await at(1005);
    probe.release();
    // A turn later no 429 was reported for it: 51 counted, and a probe of two.
    await at(1006);
    expect(limiter.max).toBe(51);
    const alsoProbing = queue(limiter);
    const third = queue(limiter);
    await at(1007);
    expect([waiting.started(), alsoProbing.started(), third.started()]).toEqual([
      true,
      true,
      false,
    ]);
    waiting.release();
    alsoProbing.release();
    await at(1010);
    expect(limiter.max).toBe(53);
    expect(third.started()).toBe(true);
    third.release();
  });

  it('a refused probe pauses no one, and the next one waits twice as long', async () => {
    const limiter = new SlidingWindowLimiter(100, 1000);
    for (let i = 0; i < 21; i++) (await limiter.acquire())();
    limiter.slowDown(100);
    expect(limiter.max).toBe(20);
    await at(1000);
    for (let i = 0; i < 20; i++) (await limiter.acquire())();
    const probe = queue(limiter);
    await at(1001);
    expect(probe.started()).toBe(true);
    probe.release();
    limiter.slowDown(5000);
    expect(limiter.max).toBe(20);
    // Not paused for the refused probe's Retry-After: the next probe goes a fifth of a window later.
    const next = queue(limiter);
    await at(1200);
    expect(next.started()).toBe(false);
    await at(1201);
    expect(next.started()).toBe(true);
    next.release();
  });
});
