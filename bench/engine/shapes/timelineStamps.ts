// Development aid, loaded into the shapes bench's server process by
// clientTimeline.ts (node --import): stamps when each request arrives, how
// long its method and its answer's text took and when its frame was handed
// to the socket, on the clock both processes share (performance.timeOrigin
// + now), and answers the IPC message 'stamps' with the stamps since the last.
import WebSocket from 'ws';
import { EngineConnection } from '../../../packages/engine/src/server/connection/EngineConnection.js';

/** One event of the server's: a request in (with its method), a method run, an answer's text, a frame sent. */
export interface ServerStamp {
  readonly kind: 'in' | 'call' | 'text' | 'send';
  readonly method?: string;
  /** When it began, in ms on the shared clock. */
  readonly at: number;
  /** How long it took, in ms. */
  readonly took: number;
}

const now = () => performance.timeOrigin + performance.now();
const stamps: ServerStamp[] = [];

// The connection's private steps, reached through the prototype: a development aid only.
type Step = (this: unknown, ...args: unknown[]) => unknown;
const proto = EngineConnection.prototype as unknown as Record<string, Step>;
const timed = (name: string, kind: ServerStamp['kind']) => {
  const step = proto[name]!;
  proto[name] = function (this: unknown, ...args: unknown[]) {
    const at = now();
    const result = step.apply(this, args);
    stamps.push({ kind, at, took: now() - at });
    return result;
  };
};
timed('call', 'call');
timed('resultText', 'text');
const receive = proto.receive!;
proto.receive = function (this: unknown, ...args: unknown[]) {
  const method = /"method":"(\w+)"/.exec(String(args[0]))?.[1];
  stamps.push({ kind: 'in', method, at: now(), took: 0 });
  return receive.apply(this, args);
};
const send = WebSocket.prototype.send as unknown as Step;
(WebSocket.prototype as unknown as Record<string, Step>).send = function (
  this: unknown,
  ...args: unknown[]
) {
  const at = now();
  const result = send.apply(this, args);
  stamps.push({ kind: 'send', at, took: now() - at });
  return result;
};

process.on('message', (message: unknown) => {
  if (message === 'stamps') process.send!(stamps.splice(0));
});
