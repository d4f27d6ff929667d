import type { SocketLike } from './SocketLike.js';

/** The Node-style event API that the `ws` package adds to its sockets. */
interface NodeStyleSocket {
  on(event: 'message', listener: (data: unknown, isBinary: boolean) => void): unknown;
}

/**
 * Calls `listener` with each text frame. On `ws` sockets it listens with
 * `on('message')`, which skips building a W3C MessageEvent per frame; other
 * sockets (browsers) use `onmessage`.
 */
export function listenForMessages(socket: SocketLike, listener: (text: string) => void): void {
  const nodeStyle = socket as unknown as Partial<NodeStyleSocket>;
  if (typeof nodeStyle.on === 'function') {
    nodeStyle.on('message', (data: unknown) =>
      listener(typeof data === 'string' ? data : String(data)),
    );
    return;
  }
  socket.onmessage = (event) => {
    // Read once: on some sockets (undici's) `data` is a getter that checks its receiver.
    const { data } = event;
    listener(typeof data === 'string' ? data : String(data));
  };
}
