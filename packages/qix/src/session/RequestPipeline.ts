import type { ApiObject } from '../api/ApiObject.js';
import type { CallOptions } from '../api/CallOptions.js';
import type { MethodDescriptor } from '../api/MethodDescriptor.js';
import { resolveArguments } from '../api/resolveArguments.js';
import type { DeltaCache } from '../delta/DeltaCache.js';
import { isContainer } from '../delta/isContainer.js';
import { QixEngineError } from '../errors/QixEngineError.js';
import { QixError } from '../errors/QixError.js';
import type { JsonRpcMessage } from '../rpc/JsonRpcMessage.js';
import type { RpcConnection } from '../rpc/RpcConnection.js';
import { Call, noop } from './Call.js';
import {
  abortError,
  notConnectedError,
  suspendedError,
  timeoutError,
  withRequestId,
} from './callErrors.js';
import type { RequestInterceptor, ResponseInterceptor } from './Interceptors.js';
import './keptShapes.js';
import type { ObjectRegistry } from './ObjectRegistry.js';
import type { QixPromise, QixRequest, SentRequest } from './QixRequest.js';
import type { SessionConfig } from './SessionConfig.js';
import { unwrapResult } from './unwrapResult.js';
import type { WireEvents } from './WireEvents.js';

/** What the pipeline asks of the session's lifecycle before it sends. */
export interface CallGate {
  /** Calls are rejected with -11 (SESSION_SUSPENDED). */
  readonly suspended: boolean;
  /** Calls wait for a reconnect: `hold` resolves with their options when they may go. */
  readonly holding: boolean;
  hold(method: string, options: CallOptions | undefined): Promise<CallOptions | undefined>;
}

/** Where a request pipeline sends, and whom it tells. */
export interface PipelineParts<TSession> {
  /** The session, as interceptors receive it. */
  readonly session: TSession;
  readonly config: SessionConfig<TSession>;
  readonly connection: RpcConnection<Call>;
  readonly objects: ObjectRegistry;
  readonly deltas: DeltaCache;
  readonly wire: WireEvents;
  readonly gate: CallGate;
}

/** A request as `sendRaw` takes it: any members, sent as they are. */
export interface RawRequest {
  readonly method: string;
  readonly handle: number;
  readonly params?: unknown;
  readonly id?: number;
  readonly [member: string]: unknown;
}

/** Wait no longer than this for an answer while restoring, when calls have no timeout. */
const RESTORE_CALL_TIMEOUT_MS = 30_000;

/**
 * Requests out and answers in: builds each frame, sends it, and settles its
 * call from the answer (delta patches applied, result unwrapped, object
 * references turned into API objects), or on timeout, abort or socket loss.
 * Calls without interceptors take a direct path: one frame built by hand, no
 * promise chain.
 */
export class RequestPipeline<TSession> {
  readonly #session: TSession;
  readonly #config: SessionConfig<TSession>;
  readonly #connection: RpcConnection<Call>;
  readonly #objects: ObjectRegistry;
  readonly #deltas: DeltaCache;
  readonly #wire: WireEvents;
  readonly #gate: CallGate;
  readonly #requestInterceptors: readonly RequestInterceptor<TSession>[];
  readonly #responseInterceptors: readonly ResponseInterceptor<TSession>[];
  readonly #protocol: Readonly<Record<string, unknown>>;
  /** The frame's text between the params and the id: the protocol members, then `,"id":`. */
  readonly #beforeId: string;
  readonly #useDelta: boolean;
  readonly #direct: boolean;

  constructor(parts: PipelineParts<TSession>) {
    ({
      session: this.#session,
      config: this.#config,
      connection: this.#connection,
      objects: this.#objects,
      deltas: this.#deltas,
      wire: this.#wire,
      gate: this.#gate,
    } = parts);
    const { config } = parts;
    this.#protocol = { delta: true, ...config.protocol };
    this.#useDelta = this.#protocol.delta === true;
    // The envelope's own members are not the protocol's to set; JSON.stringify drops undefined ones.
    const { jsonrpc: _j, id: _i, method: _m, handle: _h, params: _p, ...members } = this.#protocol;
    this.#beforeId = `${JSON.stringify(members)
      .slice(1, -1)
      .replace(/^(?=.)/, ',')},"id":`;
    this.#requestInterceptors = config.requestInterceptors ?? [];
    this.#responseInterceptors = config.responseInterceptors ?? [];
    this.#direct =
      this.#requestInterceptors.length === 0 && this.#responseInterceptors.length === 0;
  }

  /** Sends a low-level request through the interceptors; the promise carries `requestId`. */
  send(request: QixRequest, options?: CallOptions): QixPromise<unknown> {
    if (this.#gate.suspended)
      return withRequestId(Promise.reject(suspendedError(this.#connection.lastCloseEvent)), -1);
    const id = this.#connection.nextId();
    request.id = id;
    let chain: Promise<QixRequest> = Promise.resolve(request).then((req) => this.#markDelta(req));
    for (const interceptor of this.#requestInterceptors) {
      chain = chain.then((req) => interceptor.onFulfilled(this.#session, req));
    }
    const response = chain.then((augmented) => {
      const { outKey: _outKey, retry: _retry, ...wire } = augmented;
      const raw = this.sendRaw({ ...this.#protocol, ...wire }, options);
      augmented.retry = () => this.send(request, options);
      return this.#runResponseInterceptors(raw, augmented);
    });
    return withRequestId(response, id);
  }

  /** Sends an API method call given as the caller wrote it. */
  invoke(api: object, descriptor: MethodDescriptor, args: unknown[]): Promise<unknown> {
    const last = args.length - 1;
    // Neither named params (an object first) nor options (an object last): positional as given.
    if (last < 0 || (!isContainer(args[0]) && !isContainer(args[last])))
      return this.invokePositional(api, descriptor, args, undefined);
    let params: unknown[];
    let options: CallOptions | undefined;
    try {
      ({ params, options } = resolveArguments(descriptor, args));
    } catch (error) {
      return Promise.reject(error);
    }
    return this.invokePositional(api, descriptor, params, options);
  }

  /** Sends an API method call whose params are positional already. */
  invokePositional(
    api: object,
    descriptor: MethodDescriptor,
    params: unknown[],
    options: CallOptions | undefined,
  ): Promise<unknown> {
    if (this.#gate.holding) {
      // Held until the reconnect ends, then sent to the object's new handle; its id is -1 until then.
      const sent = this.#gate
        .hold(descriptor.method, options)
        .then((left) => this.invokePositional(api, descriptor, params, left));
      return withRequestId(sent, -1);
    }
    const { handle } = api as ApiObject;
    if (this.#direct) return this.#sendDirect(handle, descriptor, params, options);
    return this.send(
      // `id` is set when sent; a member added to an object literal later costs an allocation per call.
      { handle, method: descriptor.method, params, outKey: descriptor.outKey, id: 0 },
      options,
    );
  }

  /**
   * Sends a JSON-RPC request as given (every member goes on the wire), past
   * the interceptors and the delta protocol; resolves the raw answer, an
   * error answer included.
   */
  sendRaw(request: RawRequest, options?: CallOptions): Promise<JsonRpcMessage> {
    const id = typeof request.id === 'number' ? request.id : this.#connection.nextId();
    // A raw call is only read for its method (errors, traffic) and handle.
    const call = new Call(id, request.handle, request.method, [], -1, true);
    const promise = settledBy(call);
    this.#transmit(call, JSON.stringify({ jsonrpc: '2.0', ...request, id }), options);
    return promise as Promise<JsonRpcMessage>;
  }

  /** Sends a request while restoring: raw, and never waiting forever for an engine that does not answer. */
  rawCall(method: string, handle: number, params: unknown): Promise<JsonRpcMessage> {
    return this.sendRaw(
      { method, handle, params },
      { timeout: this.#config.timeout ?? RESTORE_CALL_TIMEOUT_MS },
    );
  }

  /** A frame came in; `call` is the outstanding call it answers, if any. */
  receive(message: JsonRpcMessage, call: Call | undefined): void {
    if (this.#wire.watchingTraffic) this.#wire.received(message, call?.handle);
    if (call === undefined) {
      if (message.method !== undefined && message.id === undefined)
        this.#wire.notification(message);
      else this.#applyPushes(message);
      return;
    }
    this.#applyPushes(message);
    if (message.delta === true && message.result !== undefined && message.error === undefined) {
      try {
        this.#deltas.patchResult(call.handle, call.method, message.result);
      } catch (error) {
        if (!call.settled) this.#fail(call, error);
        return;
      }
    }
    if (call.settled) return;
    disarm(call);
    if (call.raw) {
      call.resolve(message);
      return;
    }
    try {
      call.resolve(this.#objects.resolve(call, resultOf(call, message)));
    } catch (error) {
      call.reject(error);
    }
  }

  /** Fails the calls still waiting for an answer (their socket is gone). */
  failAll(calls: readonly Call[], error: QixError): void {
    for (const call of calls) if (!call.settled) this.#fail(call, error);
  }

  /** The `change` and `close` members any frame may carry, unless the session is suspended. */
  #applyPushes(message: JsonRpcMessage): void {
    if (this.#gate.suspended) return;
    if (message.change !== undefined) {
      for (const handle of message.change) this.#objects.changed(handle);
    }
    if (message.close !== undefined) {
      for (const handle of message.close) {
        this.#deltas.dropHandle(handle);
        this.#objects.closed(handle);
      }
    }
  }

  #sendDirect(
    handle: number,
    descriptor: MethodDescriptor,
    params: unknown[],
    options: CallOptions | undefined,
  ): Promise<unknown> {
    if (this.#gate.suspended)
      return Promise.reject(suspendedError(this.#connection.lastCloseEvent));
    const id = this.#connection.nextId();
    const call = new Call(id, handle, descriptor.method, params, descriptor.outKey, false);
    const promise = withRequestId(settledBy(call), id);
    // Built by hand: the envelope is fixed, only the params need JSON.stringify (not even
    // those when there are none: JSON.stringify([]) costs more than the rest of the frame).
    // The id goes last and the fixed text before the handle is one precomputed piece: each
    // `+` of a long string makes a rope node, and fewer pieces make fewer of them.
    const frame = `${descriptor.framePrefix}${handle},"params":${params.length > 0 ? JSON.stringify(params) : '[]'}${this.#beforeId}${id}}`;
    this.#transmit(call, frame, options);
    return promise;
  }

  #transmit(call: Call, frame: string, options: CallOptions | undefined): void {
    const signal = options?.signal;
    if (signal?.aborted) {
      call.reject(abortError(call.method, call.id, signal));
      return;
    }
    if (!this.#connection.send(frame, call)) {
      call.reject(notConnectedError(this.#connection.lastCloseEvent));
      return;
    }
    if (this.#wire.watchingTraffic) this.#wire.sent(call, frame);
    const timeout = options?.timeout ?? this.#config.timeout;
    if (timeout !== undefined && timeout > 0 && Number.isFinite(timeout)) {
      call.timer = setTimeout(
        () => this.#cancel(call, timeoutError(call.method, call.id, timeout)),
        timeout,
      );
    }
    if (signal) {
      call.signal = signal;
      call.onAbort = () => this.#cancel(call, abortError(call.method, call.id, signal));
      signal.addEventListener('abort', call.onAbort, { once: true });
    }
  }

  /** Rejects a call at once and asks the engine to stop working on it. */
  #cancel(call: Call, error: QixError): void {
    if (call.settled) return;
    this.#fail(call, error);
    // The answer to the cancel request (or its failure) does not matter to anyone.
    this.sendRaw({ method: 'CancelRequest', handle: -1, params: [call.id] }, { timeout: 0 }).catch(
      noop,
    );
  }

  #fail(call: Call, error: unknown): void {
    disarm(call);
    call.reject(error);
  }

  /** The built-in first request interceptor: asks for deltas where a single result key can be patched. */
  #markDelta(request: QixRequest): QixRequest {
    if (this.#useDelta && request.outKey !== -1 && request.outKey !== 'qSuccess')
      request.delta = true;
    return request;
  }

  #runResponseInterceptors(raw: Promise<JsonRpcMessage>, request: QixRequest): Promise<unknown> {
    let chain: Promise<unknown> = raw.then((message) => resultOf(request, message));
    for (const interceptor of this.#responseInterceptors) {
      chain = chain.then(
        interceptor.onFulfilled &&
          ((result) => interceptor.onFulfilled?.(this.#session, request, result)),
        interceptor.onRejected &&
          ((error) => interceptor.onRejected?.(this.#session, request, error)),
      );
    }
    return chain.then((value) => this.#objects.resolve(request, value));
  }
}

/** A response's unwrapped result, or its engine error thrown. */
function resultOf(request: SentRequest, message: JsonRpcMessage): unknown {
  if (message.error !== undefined) throw new QixEngineError(message.error);
  return unwrapResult(request.method, request.outKey, message.result);
}

/** The promise a call's answer settles. */
function settledBy(call: Call): Promise<unknown> {
  return new Promise<unknown>((resolve, reject) => {
    call.resolve = resolve;
    call.reject = reject;
  });
}

/** Marks a call settled and stops its timer and abort listener. */
function disarm(call: Call): void {
  call.settled = true;
  if (call.timer !== undefined) clearTimeout(call.timer);
  if (call.signal !== undefined && call.onAbort !== undefined) {
    call.signal.removeEventListener('abort', call.onAbort);
  }
}
