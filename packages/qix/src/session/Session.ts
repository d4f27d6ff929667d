import { ApiFactory } from '../api/ApiFactory.js';
import type { ApiHost } from '../api/ApiHost.js';
import type { ApiObject } from '../api/ApiObject.js';
import type { CallOptions } from '../api/CallOptions.js';
import type { MethodDescriptor } from '../api/MethodDescriptor.js';
import { DeltaCache } from '../delta/DeltaCache.js';
import { connectionError } from '../errors/connectionError.js';
import { errorCodes } from '../errors/errorCodes.js';
import { Emitter } from '../events/Emitter.js';
import { RpcConnection } from '../rpc/RpcConnection.js';
import { createDefaultSocket } from '../transport/createDefaultSocket.js';
import type { SocketCloseEvent } from '../transport/SocketLike.js';
import type { Call } from './Call.js';
import { ObjectRegistry } from './ObjectRegistry.js';
import type { QixPromise, QixRequest } from './QixRequest.js';
import { RequestPipeline } from './RequestPipeline.js';
import type { SessionConfig } from './SessionConfig.js';
import type { SessionEvents } from './SessionEvents.js';
import { SessionLifecycle } from './SessionLifecycle.js';
import { SessionRpc } from './SessionRpc.js';
import { WireEvents } from './WireEvents.js';

/**
 * A session with the engine over one WebSocket at a time: opens it, sends
 * calls, hands out one API object per handle, applies deltas, and suspends,
 * resumes or reconnects on a new socket. It wires the parts that do each:
 * the RPC connection, the request pipeline, the object registry, the delta
 * cache, the lifecycle and the wire events.
 */
export class Session<TGlobal extends object = ApiObject>
  extends Emitter<SessionEvents>
  implements ApiHost
{
  /** The configuration the session was made with (as given, never changed). */
  readonly config: SessionConfig<Session<TGlobal>>;

  /** The socket layer, as enigma.js programs reach into it (see {@link SessionRpc}). */
  readonly rpc: SessionRpc;
  readonly #objects: ObjectRegistry;
  readonly #wire: WireEvents;
  readonly #calls: RequestPipeline<Session<TGlobal>>;
  readonly #lifecycle: SessionLifecycle;

  constructor(config: SessionConfig<Session<TGlobal>>, reconnectByDefault = true) {
    super();
    this.config = config;
    const factory = new ApiFactory(
      config.schema,
      config.mixins ?? [],
      config.mixinConfig ?? config,
    );
    const objects = new ObjectRegistry(factory, this);
    const wire = new WireEvents(this, objects);
    const deltas = new DeltaCache(config.deltaResults === 'copies');
    const connection = new RpcConnection<Call>(
      config.url,
      config.createSocket ?? createDefaultSocket,
      {
        onMessage: (message, call) => calls.receive(message, call),
        onClose: (event, pending, initiatedLocally) => {
          calls.failAll(pending, connectionError(errorCodes.NOT_CONNECTED, 'Socket closed', event));
          lifecycle.socketClosed(event, initiatedLocally);
        },
        onSocketError: (event, pending) => {
          calls.failAll(pending, connectionError(errorCodes.NOT_CONNECTED, 'Socket error', event));
          lifecycle.socketError(event);
        },
      },
    );
    const lifecycle: SessionLifecycle = new SessionLifecycle({
      events: this,
      config,
      connection,
      objects,
      deltas,
      wire,
      rawCall: (method, handle, params) => calls.rawCall(method, handle, params),
      reconnectByDefault,
    });
    const calls: RequestPipeline<Session<TGlobal>> = new RequestPipeline({
      session: this,
      config,
      connection,
      objects,
      deltas,
      wire,
      gate: lifecycle,
    });
    this.rpc = new SessionRpc(connection, (request) => calls.sendRaw(request));
    this.#objects = objects;
    this.#wire = wire;
    this.#calls = calls;
    this.#lifecycle = lifecycle;
  }

  /** Whether the session is suspended (calls are rejected with -11 until it resumes). */
  get isSuspended(): boolean {
    return this.#lifecycle.suspended;
  }

  /** Opens the socket and resolves the Global API; memoised until the session closes. */
  open(): Promise<TGlobal> {
    return this.#lifecycle.open() as unknown as Promise<TGlobal>;
  }

  /** Closes the socket and every API object; emits `closed` once. open() connects again. */
  close(code?: number, reason?: string): Promise<SocketCloseEvent> {
    return this.#lifecycle.close(code, reason);
  }

  /** Closes the socket but keeps the API objects, to resume later; calls fail with -11 meanwhile. */
  suspend(code?: number, reason?: string): Promise<void> {
    return this.#lifecycle.suspend(code, reason);
  }

  /** Opens a new socket and restores the doc and API objects; emits `resumed`. */
  resume(onlyIfAttached?: boolean): Promise<void> {
    return this.#lifecycle.resume(onlyIfAttached);
  }

  /** Sends a low-level request through the interceptors; the promise carries `requestId`. */
  send(request: QixRequest, options?: CallOptions): QixPromise<unknown> {
    return this.#calls.send(request, options);
  }

  /**
   * The API object of a handle, made from `{handle, id, type, genericType}`
   * when there is none yet: enigma.js's `getObjectApi`, which programs such as
   * nebula.js call with `{handle: -1}` for the Global API.
   */
  getObjectApi(args: {
    readonly handle: number;
    readonly id?: string;
    readonly type?: string;
    readonly genericType?: string;
  }): ApiObject {
    const { handle, id, type = handle === -1 ? 'Global' : '', genericType } = args;
    return this.#objects.apiOf({
      qHandle: handle,
      qType: type,
      qGenericId: id,
      qGenericType: genericType,
    });
  }

  /** @internal ApiHost: sends an API method call given as the caller wrote it. */
  invoke(api: object, descriptor: MethodDescriptor, args: unknown[]): Promise<unknown> {
    return this.#calls.invoke(api, descriptor, args);
  }

  /** @internal ApiHost: sends an API method call whose params are positional already. */
  invokePositional(
    api: object,
    descriptor: MethodDescriptor,
    params: unknown[],
    options: CallOptions | undefined,
  ): Promise<unknown> {
    return this.#calls.invokePositional(api, descriptor, params, options);
  }

  /** @internal The API objects alive now. */
  listApis(): ApiObject[] {
    return this.#objects.list();
  }

  /** @internal ApiHost: traffic listeners were added to or removed from an API object. */
  trafficListenersChanged(delta: number): void {
    this.#wire.trafficListenersChanged(delta);
  }

  protected override listenerCountChanged(event: string, delta: number): void {
    if (event.startsWith('traffic')) this.#wire.trafficListenersChanged(delta);
  }
}
