import type { ApiObject } from '../api/ApiObject.js';
import type { Emitter } from '../events/Emitter.js';
import type { JsonRpcMessage } from '../rpc/JsonRpcMessage.js';
import type { ObjectRegistry } from './ObjectRegistry.js';
import type { SentRequest } from './QixRequest.js';
import type { SessionEvents } from './SessionEvents.js';

/**
 * The events about frames on the wire: engine notifications
 * (`notification:*`, `notification:<Method>`, and OnConnected for whoever
 * waits for it) and traffic (`traffic:*`, `traffic:sent`, `traffic:received`)
 * on the session and on the API object a frame belongs to.
 */
export class WireEvents {
  /** Traffic listeners on the session and its API objects; traffic events are built only when > 0. */
  #trafficListeners = 0;
  #connectedWaiter: ((state: string) => void) | undefined = undefined;

  readonly #session: Emitter<SessionEvents>;
  readonly #objects: ObjectRegistry;

  constructor(session: Emitter<SessionEvents>, objects: ObjectRegistry) {
    this.#session = session;
    this.#objects = objects;
  }

  /** Whether anyone listens to traffic, on the session or on an API object. */
  get watchingTraffic(): boolean {
    return this.#trafficListeners > 0;
  }

  /** Traffic listeners were added (+n) or removed (-n). */
  trafficListenersChanged(delta: number): void {
    this.#trafficListeners += delta;
  }

  /** Calls `waiter` with the session state of the next OnConnected (undefined: stop waiting). */
  waitForConnected(waiter: ((state: string) => void) | undefined): void {
    this.#connectedWaiter = waiter;
  }

  /** A notification from the engine (a frame with a method and no id). */
  notification(message: JsonRpcMessage): void {
    const method = message.method as string;
    if (method === 'OnConnected' && this.#connectedWaiter) {
      this.#connectedWaiter(
        String((message.params as { qSessionState?: unknown } | undefined)?.qSessionState),
      );
    }
    this.#session.emit('notification:*', method, message.params);
    this.#session.emit(`notification:${method}`, message.params);
  }

  /** A request frame went out (only called while traffic is watched). */
  sent(request: SentRequest, frame: string): void {
    const targets = [this.#session, this.#objects.get(request.handle)].filter(
      (target) =>
        target !== undefined &&
        (target.hasListeners('traffic:*') || target.hasListeners('traffic:sent')),
    );
    // Parsed only for listeners, from the frame exactly as it went out.
    if (targets.length > 0) emitTraffic(targets, 'sent', JSON.parse(frame));
  }

  /** A frame came in for a call on `handle`, or for no call (only called while traffic is watched). */
  received(message: JsonRpcMessage, handle: number | undefined): void {
    const api = handle === undefined ? undefined : this.#objects.get(handle);
    emitTraffic(api ? [this.#session, api] : [this.#session], 'received', message);
  }
}

/** Emits `traffic:*` and `traffic:<direction>` on each target. */
function emitTraffic(
  targets: ReadonlyArray<Emitter<SessionEvents> | ApiObject | undefined>,
  direction: 'sent' | 'received',
  message: unknown,
): void {
  for (const target of targets as Array<Emitter<SessionEvents>>) {
    target.emit('traffic:*', direction, message);
    target.emit(`traffic:${direction}`, message);
  }
}
