import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local tenant stand-in that allows `limit` requests per sliding `windowMs`, answering 429 + Retry-After over it. */
export interface LimitedServer {
  readonly url: string;
  /** Host and port, for clients configured by host (qlik-saas-api). */
  readonly host: string;
  /** Counters since the last `reset()`. */
  readonly stats: { served: number; rejected: number };
  /** When each request was accepted since the last `reset()` (performance.now() ms). */
  acceptedAt(): readonly number[];
  /** Changes the limit and clears the window and the counters, between runs. */
  reset(limit: number): void;
  close(): Promise<void>;
}

/** Starts the rate-limited server on 127.0.0.1 (port 0): GET /api/v1/spaces/{id} answers a small space. */
export async function startLimitedServer(windowMs: number): Promise<LimitedServer> {
  let limit = 0;
  let accepted: number[] = [];
  let log: number[] = [];
  const stats = { served: 0, rejected: 0 };
  const server: Server = createServer((request, response) => {
    const now = performance.now();
    while (accepted.length > 0 && accepted[0] <= now - windowMs) accepted.shift();
    if (accepted.length >= limit) {
      stats.rejected += 1;
      // Qlik sends whole seconds; the earliest free slot is when the oldest accepted request leaves the window.
      const retryAfter = Math.max(1, Math.ceil((accepted[0] + windowMs - now) / 1000));
      response.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': String(retryAfter),
      });
      response.end(
        JSON.stringify({
          errors: [{ code: 'HTTP-429', title: 'Too many requests', status: '429' }],
        }),
      );
      return;
    }
    accepted.push(now);
    log.push(now);
    stats.served += 1;
    const id = decodeURIComponent((request.url ?? '').split('/').pop() ?? '');
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id,
        name: `Space ${id}`,
        type: 'shared',
        ownerId: 'u1',
        tenantId: 't1',
        createdAt: '2026-01-01T00:00:00Z',
      }),
    );
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    stats,
    acceptedAt: () => log,
    reset(next) {
      limit = next;
      accepted = [];
      log = [];
      stats.served = 0;
      stats.rejected = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
