import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the test server saw it. */
export interface SeenRequest {
  readonly method: string;
  /** Path and query exactly as sent on the wire (not decoded). */
  readonly rawUrl: string;
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

/** What a route handler answers: status, optional JSON body or raw bytes, optional headers. */
export interface Reply {
  readonly status: number;
  readonly json?: unknown;
  readonly bytes?: Uint8Array;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A handler for every request; its reply is sent as is. */
export type Handler = (request: SeenRequest) => Reply | Promise<Reply>;

/** A running test server on 127.0.0.1. */
export interface TestServer {
  readonly url: string;
  readonly requests: SeenRequest[];
  close(): Promise<void>;
}

/** Starts a real HTTP server on 127.0.0.1 with a free port, recording every request. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    void serve(incoming, outgoing, handler, requests);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function serve(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  handler: Handler,
  requests: SeenRequest[],
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const request: SeenRequest = {
    method: incoming.method ?? 'GET',
    rawUrl: incoming.url ?? '/',
    url: new URL(incoming.url ?? '/', 'http://127.0.0.1'),
    headers: incoming.headers,
    body: Buffer.concat(chunks),
  };
  requests.push(request);
  let reply: Reply;
  try {
    reply = await handler(request);
  } catch (error) {
    reply = { status: 500, json: { errors: [{ code: 'TEST-500', title: String(error) }] } };
  }
  const headers: Record<string, string> = { ...reply.headers };
  let payload: Uint8Array | undefined = reply.bytes;
  if (reply.json !== undefined) {
    payload = Buffer.from(JSON.stringify(reply.json));
    headers['content-type'] ??= 'application/json';
  }
  outgoing.writeHead(reply.status, headers);
  outgoing.end(payload);
}
