/** The close event of a W3C WebSocket (only the members the client reads). */
export interface SocketCloseEvent {
  readonly code: number;
  readonly reason: string;
  readonly wasClean?: boolean;
}

/** The message event of a W3C WebSocket. */
export interface SocketMessageEvent {
  readonly data: unknown;
}

/**
 * A handler slot of a socket. Its parameter is checked bivariantly (the
 * method-signature form) so that sockets whose handlers take their own richer
 * event types, such as `ws` and the DOM's `WebSocket`, still fit.
 */
export type SocketHandler<TEvent> = { handle(event: TEvent): void }['handle'] | null;

/**
 * What the client needs of a socket: the W3C WebSocket interface, which both
 * the browser's global `WebSocket` and Node's `ws` package implement.
 */
export interface SocketLike {
  readonly readyState: number;
  onopen: SocketHandler<unknown>;
  onclose: SocketHandler<SocketCloseEvent>;
  onerror: SocketHandler<unknown>;
  onmessage: SocketHandler<SocketMessageEvent>;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** Creates the socket for a URL; lets callers add headers, certificates or a proxy. */
export type CreateSocket = (url: string) => SocketLike;

/** `readyState` of an open W3C WebSocket. */
export const SOCKET_OPEN = 1;
