import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a route handler gets besides the raw request and response. */
export interface RouteContext {
  readonly url: URL;
  readonly params: Readonly<Record<string, string>>;
  /** Reads the whole request body (only for small bodies in tests). */
  body(): Promise<Buffer<ArrayBuffer>>;
}

export type Handler = (
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
) => void | Promise<void>;

/** One request as the server saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
  readonly at: number;
}

/** A real HTTP server on 127.0.0.1 with an ephemeral port and a route table. */
export interface TestServer {
  readonly url: string;
  readonly requests: SeenRequest[];
  /** Adds or replaces a route such as 'GET /api/v1/apps/:appId'. */
  route(spec: string, handler: Handler): void;
  /** Requests seen for one path (query ignored). */
  seen(path: string): SeenRequest[];
  close(): Promise<void>;
}

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly names: string[];
  readonly handler: Handler;
}

/** Starts a test server; stop it with `close()`. */
export async function startTestServer(routes: Record<string, Handler> = {}): Promise<TestServer> {
  const table: Route[] = [];
  const requests: SeenRequest[] = [];
  const route = (spec: string, handler: Handler) => {
    const [method, path] = spec.split(' ');
    const names: string[] = [];
    const pattern = new RegExp(
      `^${path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}$`,
    );
    const index = table.findIndex(
      (entry) => entry.method === method && entry.pattern.source === pattern.source,
    );
    if (index >= 0) table.splice(index, 1);
    table.push({ method, pattern, names, handler });
  };
  for (const [spec, handler] of Object.entries(routes)) route(spec, handler);

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      url,
      headers: req.headers,
      at: Date.now(),
    });
    const match = findRoute(table, req.method ?? 'GET', url.pathname);
    if (!match) {
      sendJson(res, 404, { errors: [{ code: 'HTTP-404', title: 'Not found', status: '404' }] });
      return;
    }
    const ctx: RouteContext = { url, params: match.params, body: () => readBody(req) };
    Promise.resolve(match.route.handler(req, res, ctx)).catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { errors: [{ code: 'TEST-500', title: String(error) }] });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route,
    seen: (path) => requests.filter((request) => request.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends a JSON answer. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Buffer<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function findRoute(table: readonly Route[], method: string, path: string) {
  for (const route of table) {
    if (route.method !== method) continue;
    const found = route.pattern.exec(path);
    if (!found) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, index) => {
      params[name] = decodeURIComponent(found[index + 1]);
    });
    return { route, params };
  }
  return undefined;
}
