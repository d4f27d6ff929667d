import type { SocketLike } from './SocketLike.js';

/** The part of Node's net.Socket that batches writes. */
interface Corkable {
  cork(): void;
  uncork(): void;
}

/**
 * Returns a function that sends a text frame. On `ws` sockets in Node, the
 * frames written in one synchronous run (e.g. many calls started in a loop)
 * leave in one system call: the TCP socket is corked at the first frame and
 * uncorked in a microtask, so no frame waits for I/O. Elsewhere it is `send`.
 */
export function createFrameWriter(socket: SocketLike): (frame: string) => void {
  const tcp = (socket as unknown as { _socket?: Partial<Corkable> })._socket;
  if (!tcp || typeof tcp.cork !== 'function' || typeof tcp.uncork !== 'function') {
    return (frame) => socket.send(frame);
  }
  const corkable = tcp as Corkable;
  let corked = false;
  const flush = () => {
    corked = false;
    corkable.uncork();
  };
  return (frame) => {
    if (!corked) {
      corked = true;
      corkable.cork();
      queueMicrotask(flush);
    }
    socket.send(frame);
  };
}
