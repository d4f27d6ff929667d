import type { SocketLike } from './SocketLike.js';

/** Browsers: a text frame is `send`; their sockets cannot be corked. */
export function createFrameWriter(socket: SocketLike): (frame: string) => void {
  return (frame) => socket.send(frame);
}
