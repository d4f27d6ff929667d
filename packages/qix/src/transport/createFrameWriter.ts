import type { SocketLike } from './SocketLike.js';

/** The part of Node's net.Socket that batches writes. */
interface Corkable {
  cork(): void;
  uncork(): void;
}

// A reaction to a settled promise is a plain microtask; Node's queueMicrotask makes an
// AsyncResource and a bound function for each (about 1 µs an op in a profile of
// bench/engine-server/sides.ts, two frames an op).
const settled = Promise.resolve();

/**
 * Returns a function that sends a text frame. On Node, the frames written in
 * one synchronous run (e.g. many calls started in a loop) leave in one system
 * call: the TCP socket is corked at the first frame and uncorked in a
 * microtask, so no frame waits for I/O. Where the TCP socket can't be found
 * (browsers, other WebSocket implementations) it is `send`.
 */
export function createFrameWriter(socket: SocketLike): (frame: string) => void {
  const tcp = findTcpSocket(socket);
  if (tcp === undefined) return (frame) => socket.send(frame);
  let corked = false;
  const flush = () => {
    corked = false;
    tcp.uncork();
  };
  return (frame) => {
    if (!corked) {
      corked = true;
      tcp.cork();
      void settled.then(flush);
    }
    socket.send(frame);
  };
}

/**
 * The TCP socket under an open WebSocket, when it can be corked: `ws` keeps it
 * in `_socket`; Node's global WebSocket (undici 6, as in Node 20.20) in the
 * `socket` of the HTTP response it keeps under a symbol described as
 * "response". Both are internals: each is checked for `cork` and `uncork`, and
 * anything else (another implementation or undici version) gets no cork.
 */
export function findTcpSocket(socket: SocketLike): Corkable | undefined {
  const ws = (socket as unknown as { _socket?: unknown })._socket;
  if (isCorkable(ws)) return ws;
  const response = Object.getOwnPropertySymbols(socket).find(
    (symbol) => symbol.description === 'response',
  );
  if (response === undefined) return undefined;
  const tcp = (socket as unknown as Record<symbol, { socket?: unknown } | undefined>)[response]
    ?.socket;
  return isCorkable(tcp) ? tcp : undefined;
}

function isCorkable(value: unknown): value is Corkable {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<Corkable>).cork === 'function' &&
    typeof (value as Partial<Corkable>).uncork === 'function'
  );
}
