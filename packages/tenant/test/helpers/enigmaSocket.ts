import WebSocket from 'ws';

/**
 * A `ws` socket for enigma.js's `createSocket`, sending `key` as a bearer token on the upgrade.
 * enigma.js's typings name the browser WebSocket, but on Node its documented socket is `ws`,
 * which has every member enigma.js uses (the on* handlers, send, close, readyState) and lacks
 * only the browser's EventTarget methods: hence the one conversion, here.
 */
export function enigmaSocket(url: string, key: string): globalThis.WebSocket {
  const socket = new WebSocket(url, { headers: { Authorization: `Bearer ${key}` } });
  return socket as unknown as globalThis.WebSocket;
}
