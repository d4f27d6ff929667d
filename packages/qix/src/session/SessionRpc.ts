import type { JsonRpcMessage } from '../rpc/JsonRpcMessage.js';
import type { PendingCall } from '../rpc/PendingCall.js';
import type { RpcConnection } from '../rpc/RpcConnection.js';
import { SOCKET_OPEN, type SocketCloseEvent, type SocketLike } from '../transport/SocketLike.js';
import { notConnectedError } from './callErrors.js';
import type { RawRequest } from './RequestPipeline.js';

/**
 * `session.rpc`: the session's socket layer, as enigma.js programs reach
 * into it. `close(code)` drops the socket the way a network loss would, so
 * the session then reconnects, suspends (`suspendOnClose`) or closes, as
 * configured; `send()` sends a raw JSON-RPC request and resolves the raw
 * answer; `socket`, `closeEvent`, `url` and the request ids can be read.
 */
export class SessionRpc {
  readonly #connection: RpcConnection<PendingCall>;
  readonly #send: (request: RawRequest) => Promise<JsonRpcMessage>;

  constructor(
    connection: RpcConnection<PendingCall>,
    send: (request: RawRequest) => Promise<JsonRpcMessage>,
  ) {
    this.#connection = connection;
    this.#send = send;
  }

  /** The engine URL the session connects to. */
  get url(): string {
    return this.#connection.url;
  }

  /** The socket of the moment, or null when there is none (before open, after a close). */
  get socket(): SocketLike | null {
    return this.#connection.socket ?? null;
  }

  /** The close event of the last socket that closed. */
  get closeEvent(): SocketCloseEvent | undefined {
    return this.#connection.lastCloseEvent;
  }

  /** The id of the last request sent. */
  get requestId(): number {
    return this.#connection.lastId;
  }

  /** Hands out the next request id. */
  createRequestId(): number {
    return this.#connection.nextId();
  }

  /**
   * Sends a raw request (`{method, handle, params}` and any other members);
   * resolves the raw answer. Without an open socket it fails at once, using
   * no request id.
   */
  send(request: RawRequest): Promise<JsonRpcMessage> {
    return this.#connection.socket?.readyState === SOCKET_OPEN
      ? this.#send(request)
      : Promise.reject(notConnectedError(this.closeEvent));
  }

  /** Closes the socket as a network loss would; resolves with its close event. */
  close(code = 1000, reason = ''): Promise<SocketCloseEvent> {
    return this.#connection.close(code, reason, true);
  }
}
