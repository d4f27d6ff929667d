import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, QlikApiError, QlikNetworkError, type RetryEvent } from '../../src/index.js';
import { startTestServer, sendJson, type TestServer } from '../helpers/testServer.js';
import { getApp, createReload, uploadTempContent } from '../helpers/operations.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const fastRetry = { retries: 3, minDelayMs: 1, maxDelayMs: 5 };

/** Answers the first `failures` requests on `spec` with `fail`, then 200. */
function failThenSucceed(spec: string, failures: number, fail: 'reset' | number) {
  let calls = 0;
  server.route(spec, (req, res) => {
    calls += 1;
    if (calls > failures) sendJson(res, 200, { calls });
    else if (fail === 'reset') req.socket.destroy();
    else sendJson(res, fail, { errors: [{ code: `HTTP-${fail}`, title: 'Service Unavailable' }] });
  });
  return () => calls;
}

describe('retries', () => {
  it('retries a GET after 503s with backoff and reports each retry', async () => {
    const calls = failThenSucceed('GET /api/v1/apps/:appId', 2, 503);
    const retries: RetryEvent[] = [];
    const client = createClient({
      host: server.url,
      retry: fastRetry,
      hooks: { onRetry: (e) => retries.push(e) },
    });
    await expect(client.request(getApp, { appId: 'a' })).resolves.toEqual({ calls: 3 });
    expect(calls()).toBe(3);
    expect(retries.map((r) => r.attempt)).toEqual([0, 1]);
    expect(retries.every((r) => r.delayMs >= 0 && r.delayMs <= fastRetry.maxDelayMs)).toBe(true);
    expect(retries[0].error).toMatchObject({ status: 503, code: 'HTTP-503' });
  });

  it('retries a GET after the connection is reset', async () => {
    const calls = failThenSucceed('GET /api/v1/apps/:appId', 1, 'reset');
    const retries: RetryEvent[] = [];
    const client = createClient({
      host: server.url,
      retry: fastRetry,
      hooks: { onRetry: (e) => retries.push(e) },
    });
    await expect(client.request(getApp, { appId: 'a' })).resolves.toEqual({ calls: 2 });
    expect(calls()).toBe(2);
    expect(retries[0].error).toBeInstanceOf(QlikNetworkError);
  });

  it('retries a GET whose JSON answer is cut off mid-body', async () => {
    let calls = 0;
    server.route('GET /api/v1/apps/:appId', (req, res) => {
      calls += 1;
      if (calls === 1) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"partial":', () => req.socket.destroy());
        return;
      }
      sendJson(res, 200, { calls });
    });
    const client = createClient({ host: server.url, retry: fastRetry });
    await expect(client.request(getApp, { appId: 'a' })).resolves.toEqual({ calls: 2 });
  });

  it('does not retry a POST after a 503 or a reset', async () => {
    const calls = failThenSucceed('POST /api/v1/reloads', 5, 503);
    const client = createClient({ host: server.url, retry: fastRetry });
    await expect(client.request(createReload, { body: {} })).rejects.toMatchObject({ status: 503 });
    expect(calls()).toBe(1);

    const resets = failThenSucceed('POST /api/v1/reloads', 5, 'reset');
    const error = await client.request(createReload, { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QlikNetworkError);
    expect(error).toMatchObject({ code: 'NETWORK', method: 'POST' });
    expect(resets()).toBe(1);
  });

  it('retries a POST when the call says it is safe', async () => {
    const calls = failThenSucceed('POST /api/v1/reloads', 1, 502);
    const client = createClient({ host: server.url, retry: fastRetry });
    await expect(client.request(createReload, { body: {} }, { retry: true })).resolves.toEqual({
      calls: 2,
    });
    expect(calls()).toBe(2);
  });

  it('gives up after `retries` and throws the last answer', async () => {
    const calls = failThenSucceed('GET /api/v1/apps/:appId', 100, 500);
    const client = createClient({ host: server.url, retry: { ...fastRetry, retries: 2 } });
    const error = await client.request(getApp, { appId: 'a' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QlikApiError);
    expect(calls()).toBe(3);
  });

  it('does not retry client errors, nor anything with retry: false', async () => {
    const notFound = failThenSucceed('GET /api/v1/apps/:appId', 100, 404);
    const client = createClient({ host: server.url, retry: fastRetry });
    await expect(client.request(getApp, { appId: 'a' })).rejects.toMatchObject({ status: 404 });
    expect(notFound()).toBe(1);
    const unavailable = failThenSucceed('GET /api/v1/apps/:appId', 100, 503);
    await expect(
      createClient({ host: server.url, retry: false }).request(getApp, { appId: 'a' }),
    ).rejects.toMatchObject({ status: 503 });
    expect(unavailable()).toBe(1);
  });

  it('never retries a one-shot stream body, even when the operation is safe to repeat', async () => {
    let calls = 0;
    server.route('POST /api/v1/temp-contents', async (req, res, ctx) => {
      calls += 1;
      await ctx.body();
      sendJson(res, 503, { errors: [{ code: 'HTTP-503', title: 'Unavailable' }] });
    });
    const client = createClient({ host: server.url, retry: fastRetry });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([1, 2, 3]));
        controller.close();
      },
    });
    await expect(
      client.request(uploadTempContent, { body }, { retry: true }),
    ).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(1);
  });
});
