import { createServer, STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { qixSchema } from '@qlikit/qix';
import { EngineConnection } from './connection/EngineConnection.js';
import { MethodDispatcher } from './dispatch/MethodDispatcher.js';
import { parseEngineUrl } from './protocol/parseEngineUrl.js';
import { DEFAULT_LIMITS, type RequestLimits } from './protocol/RequestLimits.js';
import { JsonRpcErr, RpcError } from './protocol/RpcError.js';
import type { OnInternalError } from './protocol/toRpcError.js';
import type { Identity } from './session/EngineSession.js';
import { SessionRegistry } from './session/SessionRegistry.js';
import { stopEngineThreads } from '../parallel/engineThreads.js';
import { AppStore } from '../app/AppStore.js';
import type { ResultCacheOptions } from '../app/ResultCache.js';
import { engineMethods } from './handlers/engineMethods.js';
import { adoptDoc } from './handlers/sessionDoc.js';

/** The request the authenticate hook sees: the upgrade's headers and URL. */
export interface AuthenticateRequest {
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly remoteAddress: string | undefined;
}

/**
 * Decides who a connecting client is; null (or a throw) refuses the socket with
 * HTTP 401, or with the thrown error's `status` when it has one (e.g. 403).
 */
export type Authenticate = (
  request: AuthenticateRequest,
) => Identity | null | Promise<Identity | null>;

/** Options of `startEngine`. */
export interface StartEngineOptions {
  /** TCP port; 0 picks a free one. */
  readonly port?: number;
  /** Interface to listen on; 127.0.0.1 by default. */
  readonly host?: string;
  /** Directory holding apps (`apps/`) and the files load scripts read (`lib://DataFiles/...`). */
  readonly dataDir: string;
  /**
   * Who is connecting; by default the user the URL names with `/identity/<x>`,
   * else 'local'. SECTION ACCESS reduces an app's data for this user id (and
   * the `groups` attribute, a string array, for its GROUP column).
   */
  readonly authenticate?: Authenticate;
  /**
   * An HTTP server to attach to instead of creating one (the tenant serves REST
   * on the same port). It may start listening after `startEngine` returns.
   */
  readonly server?: Server;
  /** The app store to serve, when its owner shares it with others (the tenant's REST API); by default one over `dataDir`. */
  readonly apps?: AppStore;
  /** How large and deep requests may be (frame bytes, nesting, string and array lengths). */
  readonly limits?: Partial<RequestLimits>;
  /**
   * The result cache every session of an app shares (a chart many sessions
   * view in the same state is computed once): on by default, 256 MiB.
   */
  readonly resultCache?: ResultCacheOptions;
  /** Sees every error no layer raised on purpose (a bug), which the client gets as LOCERR_GENERIC_INTERNAL_ERROR; by default it is logged with its stack. */
  readonly onInternalError?: OnInternalError;
}

/** A running engine. */
export interface RunningEngine {
  /** `ws://host:port` — append `/app/<id>` to open an app. */
  readonly url: string;
  readonly port: number;
  /** The apps on disk and in memory. */
  readonly apps: AppStore;
  /** Live sessions. */
  readonly sessionCount: () => number;
  /** Stops accepting sockets, ends every session and closes the server. */
  close(): Promise<void>;
}

const defaultAuthenticate: Authenticate = (request) => ({
  userId: parseEngineUrl(request.url).identity || 'local',
});

const logInternalError: OnInternalError = (error) => {
  console.error('qlikit engine: internal error (answered LOCERR_GENERIC_INTERNAL_ERROR):', error);
};

/** Starts the embedded engine's QIX WebSocket server. */
export async function startEngine(options: StartEngineOptions): Promise<RunningEngine> {
  const apps = options.apps ?? new AppStore(options.dataDir);
  await apps.init();
  if (options.resultCache) apps.results.configure(options.resultCache);
  const dispatcher = new MethodDispatcher(qixSchema, engineMethods(apps));
  const limits: RequestLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const onInternalError = options.onInternalError ?? logInternalError;
  const sessions = new SessionRegistry(limits);
  const authenticate = options.authenticate ?? defaultAuthenticate;
  // Frames up to twice the limit are read and answered with an error; larger ones close the socket (1009).
  const wss = new WebSocketServer({ noServer: true, maxPayload: 2 * limits.maxFrameBytes });
  const server =
    options.server ??
    createServer((_request, response) => {
      response
        .writeHead(426, { 'content-type': 'text/plain' })
        .end('This is a QIX engine: connect with a WebSocket.\n');
    });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    void acceptUpgrade(request, socket, head);
  });

  async function acceptUpgrade(
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
  ): Promise<void> {
    let identity: Identity | null = null;
    let refusal = 401;
    try {
      identity = await authenticate({
        url: request.url ?? '/',
        headers: request.headers,
        remoteAddress: request.socket.remoteAddress,
      });
    } catch (error) {
      identity = null;
      refusal = refusalStatus(error);
    }
    if (!identity) {
      const reason = STATUS_CODES[refusal] ?? 'Unauthorized';
      socket.end(`HTTP/1.1 ${refusal} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const who = identity;
    wss.handleUpgrade(request, socket, head, (ws) => openSession(ws, request.url ?? '/', who));
  }

  function openSession(ws: WebSocket, path: string, identity: Identity): void {
    const url = parseEngineUrl(path);
    const sink = {
      send: (frame: string) => {
        if (ws.readyState === ws.OPEN) ws.send(frame);
      },
      close: (code: number, reason: string) => ws.close(code, reason),
    };
    const { session, state } = sessions.attach(url, identity);
    // Qlik Cloud: `/app/SessionApp_<x>` opens a session app owned by this session; GetActiveDoc returns it.
    if (state === 'SESSION_CREATED' && url.isSessionApp && url.appId !== null)
      adoptDoc(session, apps.createSessionApp(url.appId));
    const current = new EngineConnection(sink, session, dispatcher, limits, onInternalError);
    session.sockets.add(current);
    current.send({ jsonrpc: '2.0', method: 'OnConnected', params: { qSessionState: state } });
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        const error = new RpcError(
          JsonRpcErr.PARSE_ERROR,
          'Parse error: binary frames are not JSON-RPC',
        );
        current.send({ jsonrpc: '2.0', id: null, error: error.toJSON() });
        return;
      }
      const bytes = Buffer.isBuffer(data) ? data.length : Buffer.byteLength(data.toString());
      void current.receive(data.toString(), bytes);
    });
    ws.on('close', () => {
      sessions.detach(session, current, url.ttlSeconds);
    });
    ws.on('error', () => ws.terminate());
  }

  if (!options.server) {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
  }
  const host = options.host ?? '127.0.0.1';
  // An attached server may not listen yet: read its address when asked.
  const port = () => (server.address() as AddressInfo | null)?.port ?? 0;
  return {
    get url() {
      return `ws://${host.includes(':') ? `[${host}]` : host}:${port()}`;
    },
    get port() {
      return port();
    },
    apps,
    sessionCount: () => sessions.size,
    async close() {
      for (const client of wss.clients) client.terminate();
      sessions.endAll();
      wss.close();
      await apps.flush();
      await stopEngineThreads();
      if (!options.server) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The HTTP status a thrown refusal asks for: its `status` when it is a 4xx, else 401. */
function refusalStatus(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 401;
}
