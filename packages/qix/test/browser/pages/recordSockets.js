// The bundle must open its sockets with the browser's own WebSocket; wrapping
// the global lets the test see each URL the library actually connected to.

/** Replaces globalThis.WebSocket with a subclass that records URLs; returns the list. */
export function recordSockets() {
  const urls = [];
  const Native = globalThis.WebSocket;
  globalThis.WebSocket = class RecordedWebSocket extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      urls.push(String(url));
    }
  };
  return urls;
}
