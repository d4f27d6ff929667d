import WebSocket from 'ws';
import type { SocketLike } from './SocketLike.js';

/**
 * Opens a socket with the platform's WebSocket, falling back to the `ws`
 * package on Node versions that have no global one. The browser bundle swaps
 * this file for `createDefaultSocket.browser.ts`, so `ws` never ships there.
 */
export function createDefaultSocket(url: string): SocketLike {
  const Global = (globalThis as { WebSocket?: new (url: string) => SocketLike }).WebSocket;
  if (Global) return new Global(url);
  return new WebSocket(url) as unknown as SocketLike;
}
