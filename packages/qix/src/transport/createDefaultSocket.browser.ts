import type { SocketLike } from './SocketLike.js';

/** Opens a socket with the browser's global WebSocket. */
export function createDefaultSocket(url: string): SocketLike {
  const Global = (globalThis as { WebSocket?: new (url: string) => SocketLike }).WebSocket;
  if (!Global) throw new TypeError('No global WebSocket: pass createSocket(url) in the options');
  return new Global(url);
}
