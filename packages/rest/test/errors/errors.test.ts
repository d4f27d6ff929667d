import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createClient,
  Download,
  QlikAbortError,
  QlikApiError,
  QlikError,
  QlikNetworkError,
  QlikTimeoutError,
} from '../../src/index.js';
import { startTestServer, sendJson, type TestServer } from '../helpers/testServer.js';
import { downloadTempContent, getApp, listItems } from '../helpers/operations.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

/** A route that never answers until the test server closes. */
function hang(spec: string) {
  server.route(spec, () => undefined);
}

describe('QlikApiError', () => {
  it('carries status, the first code, title, detail, all errors, traceId, method and URL', async () => {
    const body = {
      errors: [
        { code: 'APP-1', title: 'App not found', detail: 'No app with id a1', status: '404' },
        { code: 'APP-2', title: 'Second problem' },
      ],
      traceId: 'trace-123',
    };
    server.route('GET /api/v1/apps/:appId', (_req, res) =>
      sendJson(res, 404, body, { 'set-cookie': 'session=abc123' }),
    );
    const client = createClient({ host: server.url, auth: 'super-secret-key' });
    const error = (await client
      .request(getApp, { appId: 'a1' })
      .catch((e: unknown) => e)) as QlikApiError;
    expect(error).toBeInstanceOf(QlikApiError);
    expect(error).toBeInstanceOf(QlikError);
    expect(error).toMatchObject({
      name: 'QlikApiError',
      status: 404,
      code: 'APP-1',
      title: 'App not found',
      detail: 'No app with id a1',
      traceId: 'trace-123',
      method: 'GET',
      url: `${server.url}/api/v1/apps/a1`,
    });
    expect(error.errors).toHaveLength(2);
    expect(error.headers.get('content-type')).toBe('application/json');
    expect(error.headers.get('set-cookie')).toBeNull();
    expect(error.cause).toEqual(body);
    expect(error.message).toContain('404 APP-1: App not found');
    const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack });
    expect(everything).not.toContain('super-secret-key');
  });

  it("falls back to HTTP-<status> when the body is not Qlik's error shape", async () => {
    server.route('GET /api/v1/apps/:appId', (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>bad gateway</html>');
    });
    const client = createClient({ host: server.url, retry: false });
    const error = (await client
      .request(getApp, { appId: 'a1' })
      .catch((e: unknown) => e)) as QlikApiError;
    expect(error).toMatchObject({
      status: 502,
      code: 'HTTP-502',
      errors: [],
      cause: '<html>bad gateway</html>',
    });
  });

  it('passes through onError, which may replace the error', async () => {
    class NotFound extends QlikError {}
    server.route('GET /api/v1/apps/:appId', (_req, res) =>
      sendJson(res, 404, { errors: [{ code: 'APP-1', title: 'nf' }] }),
    );
    const client = createClient({
      host: server.url,
      hooks: {
        onError: (error) =>
          error instanceof QlikApiError && error.status === 404
            ? new NotFound('NOT_FOUND', 'gone', { cause: error })
            : undefined,
      },
    });
    await expect(client.request(getApp, { appId: 'a' })).rejects.toBeInstanceOf(NotFound);
  });
});

describe('failures in user code', () => {
  it('reports a failing auth provider as AUTH_FAILED, and a failing hook as UNEXPECTED, keeping the cause', async () => {
    const broken = new Error('vault unreachable');
    const auth = createClient({ host: server.url, auth: () => Promise.reject(broken) });
    await expect(auth.request(getApp, { appId: 'a' })).rejects.toMatchObject({
      code: 'AUTH_FAILED',
      cause: broken,
    });
    const hook = createClient({
      host: server.url,
      hooks: {
        beforeRequest: () => {
          throw broken;
        },
      },
    });
    await expect(hook.request(getApp, { appId: 'a' })).rejects.toMatchObject({
      code: 'UNEXPECTED',
      cause: broken,
    });
    expect(server.requests).toHaveLength(0);
  });
});

describe('timeouts, aborts, network errors', () => {
  it('times out a call that gets no answer', async () => {
    hang('GET /api/v1/apps/:appId');
    const client = createClient({ host: server.url, retry: false });
    const error = await client
      .request(getApp, { appId: 'a' }, { timeout: 50 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QlikTimeoutError);
    expect(error).toMatchObject({ code: 'TIMEOUT', timeoutMs: 50, method: 'GET' });
  });

  it('times out a JSON answer whose body stalls after the headers', async () => {
    server.route('GET /api/v1/apps/:appId', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
    });
    const client = createClient({ host: server.url, retry: false });
    await expect(client.request(getApp, { appId: 'a' }, { timeout: 100 })).rejects.toBeInstanceOf(
      QlikTimeoutError,
    );
  });

  it('lets the caller abort a download while its body streams', async () => {
    server.route('GET /api/v1/temp-contents/:id', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write(Buffer.alloc(1024));
    });
    const controller = new AbortController();
    // Generous, so that a loaded machine still answers in time; the body then outlives it.
    const client = createClient({ host: server.url, timeout: 500 });
    const download = await client.request<Download>(
      downloadTempContent,
      { id: 'x' },
      { signal: controller.signal },
    );
    const reader = download.stream().getReader();
    const first = await reader.read();
    expect(first.value?.byteLength).toBe(1024);
    // The timeout covered the wait for the answer only: the body may take longer.
    await new Promise((resolve) => setTimeout(resolve, 600));
    controller.abort();
    await expect(reader.read()).rejects.toBeInstanceOf(QlikAbortError);
  });

  it('applies the client-wide timeout by default', async () => {
    hang('GET /api/v1/apps/:appId');
    const client = createClient({ host: server.url, timeout: 50 });
    await expect(client.request(getApp, { appId: 'a' })).rejects.toBeInstanceOf(QlikTimeoutError);
  });

  it('aborts a call in flight through its signal', async () => {
    hang('GET /api/v1/apps/:appId');
    const client = createClient({ host: server.url });
    const controller = new AbortController();
    const pending = client.request(getApp, { appId: 'a' }, { signal: controller.signal });
    server.route('GET /api/v1/apps/:appId', () => controller.abort());
    // The route above aborts the moment the request reaches the server.
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QlikAbortError);
    expect(error).toMatchObject({ code: 'ABORTED' });
  });

  it('aborts a call still waiting in the rate limiter', async () => {
    server.route('GET /api/v1/apps/:appId', (_req, res) => sendJson(res, 200, {}));
    let queued: () => void = () => undefined;
    const isQueued = new Promise<void>((resolve) => {
      queued = resolve;
    });
    const client = createClient({
      host: server.url,
      rateLimit: { windowMs: 60_000 },
      hooks: { onQueued: () => queued() },
    });
    const once = { ...getApp, id: 'once', tier: 'special', limit: 1 };
    await client.request(once, { appId: 'a' });
    const controller = new AbortController();
    const waiting = client.request(once, { appId: 'a' }, { signal: controller.signal });
    await isQueued;
    expect(client.limiter.queueLength).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(QlikAbortError);
    expect(client.limiter.queueLength).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it('rejects at once with an already aborted signal', async () => {
    const client = createClient({ host: server.url });
    await expect(
      client.request(getApp, { appId: 'a' }, { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(QlikAbortError);
    expect(server.requests).toHaveLength(0);
  });

  it('aborts paging between pages', async () => {
    const controller = new AbortController();
    server.route('GET /api/v1/items', (_req, res, ctx) => {
      const page = Number(ctx.url.searchParams.get('page') ?? 0);
      sendJson(res, 200, {
        data: [page],
        links: { next: { href: `/api/v1/items?page=${page + 1}` } },
      });
    });
    const client = createClient({ host: server.url });
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const item of client.paginate(listItems, {}, { signal: controller.signal })) {
        seen.push(item);
        if (seen.length === 3) controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QlikAbortError);
    expect(seen).toEqual([0, 1, 2]);
  });

  it('reports a refused connection as a network error with the system code', async () => {
    const url = server.url;
    await server.close();
    const client = createClient({ host: url, retry: false });
    const error = await client.request(getApp, { appId: 'a' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QlikNetworkError);
    expect(error).toMatchObject({ code: 'NETWORK', systemCode: 'ECONNREFUSED' });
    server = await startTestServer();
  });
});
