import { WebSocketServer, type WebSocket } from 'ws';

/** A request frame as the engine received it. */
export interface WireRequest {
  readonly jsonrpc: string;
  readonly id: number;
  readonly method: string;
  readonly handle: number;
  readonly params: unknown;
  readonly delta?: boolean;
  readonly [member: string]: unknown;
}

/** What a handler answers: merged into the response frame (`result`, `error`, `delta`, `change`, `close`). */
export interface Reply {
  readonly result?: unknown;
  readonly error?: { code: number; message: string; parameter?: string };
  readonly delta?: boolean;
  readonly change?: number[];
  readonly close?: number[];
}

/** One server-side socket of the scripted engine. */
export interface EngineConnection {
  readonly index: number;
  readonly socket: WebSocket;
  readonly requests: WireRequest[];
  /** Free state for handlers (e.g. open docs, object handles). */
  readonly state: Map<string, unknown>;
  /** Sends any frame to this client. */
  push(message: object): void;
  /** Answers a held request later. */
  answer(request: WireRequest, reply: Reply): void;
}

/** Answers one request; `undefined` means "hold: answer later yourself". */
export type Handler = (request: WireRequest, connection: EngineConnection) => Reply | undefined;

/** Options of {@link startScriptedEngine}. */
export interface ScriptedEngineOptions {
  /** Session state announced in OnConnected for connection `index` (default SESSION_CREATED). */
  readonly sessionState?: (index: number) => string;
  /** Whether to push OnConnected at all (default true). */
  readonly announce?: boolean;
}

/**
 * A real WebSocket server on 127.0.0.1 (port 0) that answers engine calls
 * from scripted handlers, keyed by method name. Unknown methods get the
 * JSON-RPC "method not found" error.
 */
export class ScriptedEngine {
  readonly connections: EngineConnection[] = [];
  readonly handlers = new Map<string, Handler>();

  private constructor(
    private readonly server: WebSocketServer,
    readonly url: string,
  ) {}

  /** Starts the server and resolves once it listens. */
  static async start(options: ScriptedEngineOptions = {}): Promise<ScriptedEngine> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const engine = new ScriptedEngine(server, `ws://127.0.0.1:${port}/app/engineData`);
    server.on('connection', (socket) => engine.accept(socket, options));
    return engine;
  }

  /** Sets the handler of a method. */
  on(method: string, handler: Handler): this {
    this.handlers.set(method, handler);
    return this;
  }

  /** Every request received, over all connections. */
  get requests(): WireRequest[] {
    return this.connections.flatMap((connection) => connection.requests);
  }

  /** Requests of one method, over all connections. */
  requestsOf(method: string): WireRequest[] {
    return this.requests.filter((request) => request.method === method);
  }

  /** The newest connection. */
  get last(): EngineConnection {
    const connection = this.connections[this.connections.length - 1];
    if (!connection) throw new Error('no connection yet');
    return connection;
  }

  /** Resolves when `count` connections were made. */
  async waitForConnections(count: number): Promise<void> {
    while (this.connections.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  /** Resolves when a request of the method was received. */
  async waitForRequest(method: string, count = 1): Promise<WireRequest> {
    while (this.requestsOf(method).length < count)
      await new Promise((resolve) => setTimeout(resolve, 5));
    return this.requestsOf(method)[count - 1];
  }

  /** Kills every server-side socket without a close handshake (like a network loss). */
  dropConnections(): void {
    for (const connection of this.connections) connection.socket.terminate();
  }

  /** Stops the server. */
  async stop(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket, options: ScriptedEngineOptions): void {
    const index = this.connections.length;
    const connection: EngineConnection = {
      index,
      socket,
      requests: [],
      state: new Map(),
      push: (message) => socket.send(JSON.stringify(message)),
      answer: (request, reply) =>
        socket.send(JSON.stringify({ jsonrpc: '2.0', id: request.id, ...reply })),
    };
    this.connections.push(connection);
    if (options.announce !== false) {
      const state = options.sessionState?.(index) ?? 'SESSION_CREATED';
      connection.push({ jsonrpc: '2.0', method: 'OnConnected', params: { qSessionState: state } });
    }
    socket.on('message', (data) => {
      const request = JSON.parse(String(data)) as WireRequest;
      connection.requests.push(request);
      const handler = this.handlers.get(request.method);
      if (!handler) {
        connection.answer(request, { error: { code: -32601, message: 'Method not found' } });
        return;
      }
      const reply = handler(request, connection);
      if (reply !== undefined) connection.answer(request, reply);
    });
  }
}
