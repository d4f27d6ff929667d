import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
    expect(events[0]).toMatchObject({ retryAfterMs: 1000, limit: 500 });
    expect(client.limiter.bucketFor(getApp).max).toBe(500);
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

  it('halves its rate after a 429, never below one', () => {
    const limiter = new SlidingWindowLimiter(3, 1000);
    limiter.slowDown(0);
    expect(limiter.max).toBe(1);
    limiter.slowDown(0);
    expect(limiter.max).toBe(1);
  });

  it('drops to what the server took in the last window when a 429 comes after answered calls', async () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(100, 1000, () => now);
    for (let i = 0; i < 60; i++) (await limiter.acquire())();
    const inFlight = [await limiter.acquire(), await limiter.acquire(), await limiter.acquire()];
    // The server refuses the three in flight: it took 60 in its window.
    for (const release of inFlight) {
      release();
      limiter.slowDown(200);
    }
    expect(limiter.max).toBe(60);
    // A step up a window later, met by a 429: the next step waits two quiet windows.
    now = 1300;
    const probe = await limiter.acquire();
    expect(limiter.max).toBe(70);
    now = 1500;
    probe();
    limiter.slowDown(0);
    // Only one call answered in this window: never below half the rate before.
    expect(limiter.max).toBe(35);
    now = 2600;
    (await limiter.acquire())();
    expect(limiter.max).toBe(35);
    now = 3600;
    (await limiter.acquire())();
    expect(limiter.max).toBe(45);
  });

  it('halves once for 429s that arrive together, then earns its rate back over quiet windows', () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(100, 1000, () => now);
    limiter.slowDown(500);
    limiter.slowDown(500);
    limiter.slowDown(500);
    expect(limiter.max).toBe(50);
    now = 2000;
    limiter.slowDown(500);
    expect(limiter.max).toBe(25);
    for (let window = 1; window <= 10; window++) {
      now += 1000;
      void limiter.acquire().then((release) => release());
    }
    expect(limiter.max).toBe(100);
  });
});
