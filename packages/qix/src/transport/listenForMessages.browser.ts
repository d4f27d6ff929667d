import type { SocketLike } from './SocketLike.js';

/** Browsers: calls `listener` with each text frame, from `onmessage`. */
export function listenForMessages(socket: SocketLike, listener: (text: string) => void): void {
  // String() of a string returns it as it is: no test of its type needed first.
  socket.onmessage = (event) => listener(String(event.data));
}
