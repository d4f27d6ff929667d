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
 * What the client needs of a socket: the W3C WebSocket interface, which both
 * the browser's global `WebSocket` and Node's `ws` package implement.
 */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: SocketCloseEvent) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: SocketMessageEvent) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** Creates the socket for a URL; lets callers add headers, certificates or a proxy. */
export type CreateSocket = (url: string) => SocketLike;

/** `readyState` of an open W3C WebSocket. */
export const SOCKET_OPEN = 1;
