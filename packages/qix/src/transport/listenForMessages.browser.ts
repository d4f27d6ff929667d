import type { SocketLike } from './SocketLike.js';

/** Browsers: calls `listener` with each text frame, from `onmessage`. */
export function listenForMessages(socket: SocketLike, listener: (text: string) => void): void {
  socket.onmessage = (event) =>
    listener(typeof event.data === 'string' ? event.data : String(event.data));
}
