import { ApiFactory } from '../api/ApiFactory.js';
import type { ApiHost } from '../api/ApiHost.js';
import type { ApiObject } from '../api/ApiObject.js';
import type { CallOptions } from '../api/CallOptions.js';
import type { MethodDescriptor } from '../api/MethodDescriptor.js';
import { resolveArguments } from '../api/resolveArguments.js';
import { DeltaCache } from '../delta/DeltaCache.js';
import { errorCodes } from '../errors/errorCodes.js';
import { QixEngineError } from '../errors/QixEngineError.js';
import { QixError } from '../errors/QixError.js';
import { Emitter } from '../events/Emitter.js';
import type { JsonRpcMessage } from '../rpc/JsonRpcMessage.js';
import { RpcConnection } from '../rpc/RpcConnection.js';
import type { RpcListener } from '../rpc/RpcListener.js';
import { createDefaultSocket } from '../transport/createDefaultSocket.js';
import type { SocketCloseEvent } from '../transport/SocketLike.js';
import { Call } from './Call.js';
import type { RequestInterceptor, ResponseInterceptor } from './Interceptors.js';
import type { QixPromise, QixRequest } from './QixRequest.js';
import { RestoreRecipeBook } from './RestoreRecipeBook.js';
import { ReconnectLoop, type ReconnectTarget } from './ReconnectLoop.js';
import { resolveReconnectOptions } from './ReconnectOptions.js';
import { restoreApis, type RestorableSession } from './restoreApis.js';
import type { RestoreRecipe } from './RestoreRecipe.js';
import type { SessionConfig } from './SessionConfig.js';
import type { SessionEvents } from './SessionEvents.js';
import { unwrapResult } from './unwrapResult.js';

type Phase = 'idle' | 'opening' | 'open' | 'suspended' | 'closed';

/** A reference to an engine object as results carry it. */
interface ObjectRef {
  readonly qHandle: number;
  readonly qType: string;
  readonly qGenericId?: string;
  readonly qGenericType?: string;
}

const CLOSE_NORMAL = 1000;
const CLOSE_SUSPEND = 4000;
const ON_CONNECTED_WAIT_MS = 5000;
const RESTORE_CALL_TIMEOUT_MS = 30_000;

/**
 * A session with the engine over one WebSocket at a time: opens it, sends
 * calls, hands out one API object per handle, applies deltas, and suspends,
 * resumes or reconnects on a new socket.
 */
export class Session<TGlobal extends object = ApiObject>
  extends Emitter<SessionEvents>
  implements ApiHost, RpcListener<Call>, RestorableSession
{
  /** The configuration the session was made with (as given, never changed). */
  readonly config: SessionConfig<Session<TGlobal>>;

  private readonly rpc: RpcConnection<Call>;
  private readonly factory: ApiFactory;
  private readonly apis = new Map<number, ApiObject>();
  private readonly recipes = new RestoreRecipeBook();
  private readonly deltaCache = new DeltaCache();
  private readonly requestInterceptors: readonly RequestInterceptor<Session<TGlobal>>[];
  private readonly responseInterceptors: readonly ResponseInterceptor<Session<TGlobal>>[];
  private readonly protocol: Readonly<Record<string, unknown>>;
  /** The protocol members as they are appended to each request frame. */
  private readonly protocolFrame: string;
  private readonly useDelta: boolean;
  private readonly directCalls: boolean;
  private phase: Phase = 'idle';
  private globalPromise: Promise<TGlobal> | undefined = undefined;
  private onConnected: ((state: string) => void) | undefined = undefined;
  private readonly reconnectLoop: ReconnectLoop | undefined;
  /** Set while a reconnect runs and calls wait for it (`waitCalls`). */
  private holdCalls = false;
  /** Calls held while reconnecting: each is let go (no error) or failed when the reconnect ends. */
  private readonly held = new Set<(error?: unknown) => void>();
  /** The close event that started reconnecting, for `closed` if it gives up. */
  private lostEvent: SocketCloseEvent | undefined = undefined;
  /** Traffic listeners on the session and its API objects; traffic events are built only when > 0. */
  private trafficListeners = 0;

  constructor(config: SessionConfig<Session<TGlobal>>, reconnectByDefault = true) {
    super();
    this.config = config;
    this.protocol = { delta: true, ...config.protocol };
    this.useDelta = this.protocol.delta === true;
    this.protocolFrame = Object.entries(this.protocol)
      .filter(
        ([key, value]) =>
          value !== undefined && !['jsonrpc', 'id', 'method', 'handle', 'params'].includes(key),
      )
      .map(([key, value]) => `,${JSON.stringify(key)}:${JSON.stringify(value)}`)
      .join('');
    this.requestInterceptors = config.requestInterceptors ?? [];
    this.responseInterceptors = config.responseInterceptors ?? [];
    this.directCalls =
      this.requestInterceptors.length === 0 && this.responseInterceptors.length === 0;
    const reconnectOptions = resolveReconnectOptions(config.reconnect, reconnectByDefault);
    this.reconnectLoop =
      reconnectOptions && new ReconnectLoop(reconnectOptions, this.reconnectTarget());
    this.factory = new ApiFactory(config.schema, config.mixins ?? [], config.mixinConfig ?? config);
    this.rpc = new RpcConnection(config.url, config.createSocket ?? createDefaultSocket, this);
  }

  /** Whether the session is suspended (calls are rejected with -11 until it resumes). */
  get isSuspended(): boolean {
    return this.phase === 'suspended';
  }

  /** Opens the socket and resolves the Global API; memoised until the session closes. */
  open(): Promise<TGlobal> {
    if (this.globalPromise) return this.globalPromise;
    this.phase = 'opening';
    const opening = this.rpc.open().then(
      () => {
        this.phase = 'open';
        const global = this.objectApi(
          { qHandle: -1, qType: 'Global', qGenericId: 'Global' },
          undefined,
        );
        this.emit('opened');
        return global as unknown as TGlobal;
      },
      (error: unknown) => {
        // Unlike enigma.js, a failed open can be retried with open().
        if (this.globalPromise === opening) this.globalPromise = undefined;
        this.phase = 'idle';
        throw error;
      },
    );
    this.globalPromise = opening;
    return opening;
  }

  /** Closes the socket and every API object; emits `closed` once. open() connects again. */
  async close(code = CLOSE_NORMAL, reason = ''): Promise<SocketCloseEvent> {
    this.stopReconnecting(this.notConnectedError());
    const wasActive = this.phase !== 'idle' && this.phase !== 'closed';
    this.phase = 'closed';
    this.globalPromise = undefined;
    const event = await this.rpc.close(code, reason);
    if (wasActive) this.finishClose(event);
    return event;
  }

  /** Closes the socket but keeps the API objects, to resume later; calls fail with -11 meanwhile. */
  async suspend(code = CLOSE_SUSPEND, reason = ''): Promise<void> {
    this.stopReconnecting(this.suspendedError());
    this.phase = 'suspended';
    await this.rpc.close(code, reason);
    this.emit('suspended', { initiator: 'manual', code, reason });
  }

  /** Opens a new socket and restores the doc and API objects; emits `resumed`. */
  async resume(onlyIfAttached = false): Promise<void> {
    if (this.phase !== 'suspended') return;
    this.reconnectLoop?.stop();
    this.holdCalls = false;
    await this.restore(onlyIfAttached).catch((error: unknown) => {
      this.releaseHeld(error);
      throw error;
    });
    this.emit('resumed');
    this.releaseHeld();
  }

  /** Sends a low-level request through the interceptors; the promise carries `requestId`. */
  send(request: QixRequest, options?: CallOptions): QixPromise<unknown> {
    if (this.phase === 'suspended') return withRequestId(Promise.reject(this.suspendedError()), -1);
    const id = this.rpc.nextId();
    request.id = id;
    let chain: Promise<QixRequest> = Promise.resolve(request).then((req) => this.markDelta(req));
    for (const interceptor of this.requestInterceptors) {
      chain = chain.then((req) => interceptor.onFulfilled(this, req));
    }
    const response = chain.then((augmented) => {
      const raw = this.sendRequest(augmented, options);
      augmented.retry = () => this.send(request, options);
      return this.runResponseInterceptors(raw, augmented);
    });
    return withRequestId(response, id);
  }

  /** @internal Sends an API method call given as the caller wrote it. */
  invoke(api: object, descriptor: MethodDescriptor, args: unknown[]): Promise<unknown> {
    let params: unknown[];
    let options: CallOptions | undefined;
    try {
      ({ params, options } = resolveArguments(descriptor, args));
    } catch (error) {
      return Promise.reject(error);
    }
    return this.invokePositional(api, descriptor, params, options);
  }

  /** @internal Sends an API method call whose params are positional already. */
  invokePositional(
    api: object,
    descriptor: MethodDescriptor,
    params: unknown[],
    options: CallOptions | undefined,
  ): Promise<unknown> {
    if (this.holdCalls) return this.invokeAfterReconnect(api, descriptor, params, options);
    const request: QixRequest = {
      handle: (api as ApiObject).handle,
      method: descriptor.method,
      params,
      outKey: descriptor.outKey,
    };
    if (!this.directCalls) return this.send(request, options);
    return this.sendDirect(request, descriptor, options);
  }

  /**
   * Holds a call until the reconnect ends, then sends it to the object's new
   * handle with what is left of its timeout. Its request id is -1 until then.
   */
  private invokeAfterReconnect(
    api: object,
    descriptor: MethodDescriptor,
    params: unknown[],
    options: CallOptions | undefined,
  ): Promise<unknown> {
    const signal = options?.signal;
    const timeout = options?.timeout ?? this.config.timeout ?? 0;
    const started = Date.now();
    const method = descriptor.method;
    const held = new Promise<void>((resolve, reject) => {
      const done = (error?: unknown) => {
        this.held.delete(done);
        clearTimeout(timer);
        signal?.removeEventListener('abort', abort);
        if (error) reject(error);
        else resolve();
      };
      const abort = () => done(abortError(method, -1, signal as AbortSignal));
      const timer =
        Number.isFinite(timeout) && timeout > 0
          ? setTimeout(() => done(timeoutError(method, -1, timeout)), timeout)
          : undefined;
      this.held.add(done);
      if (signal?.aborted) abort();
      else signal?.addEventListener('abort', abort);
    });
    return withRequestId(
      held.then(() =>
        this.invokePositional(
          api,
          descriptor,
          params,
          timeout > 0
            ? { ...options, timeout: Math.max(1, started + timeout - Date.now()) }
            : options,
        ),
      ),
      -1,
    );
  }

  /** Lets the held calls go (no error) or fails them. */
  private releaseHeld(error?: unknown): void {
    for (const done of [...this.held]) done(error);
  }

  /** Ends a running reconnect loop; calls held for it fail with `error`. */
  private stopReconnecting(error: QixError): void {
    this.reconnectLoop?.stop();
    this.holdCalls = false;
    this.releaseHeld(error);
  }

  /** @internal Sends a request as is, bypassing interceptors and delta; resolves the raw message. */
  rawCall(method: string, handle: number, params: unknown): Promise<JsonRpcMessage> {
    const id = this.rpc.nextId();
    const request: QixRequest = { handle, method, params: params as unknown[], id };
    const call = new Call(id, handle, request, true);
    const promise = new Promise<unknown>((resolve, reject) => {
      call.resolve = resolve;
      call.reject = reject;
    });
    const frame = JSON.stringify({ jsonrpc: '2.0', id, method, handle, params });
    // A restore must not hang on an engine that never answers: the attempt fails and is retried.
    this.transmit(call, frame, { timeout: this.config.timeout ?? RESTORE_CALL_TIMEOUT_MS });
    return promise as Promise<JsonRpcMessage>;
  }

  /** @internal ApiHost: traffic listeners were added to or removed from an API object. */
  trafficListenersChanged(delta: number): void {
    this.trafficListeners += delta;
  }

  protected override listenerCountChanged(event: string, delta: number): void {
    if (event.startsWith('traffic')) this.trafficListeners += delta;
  }

  /**
   * The API object of a handle, made when none exists yet: enigma.js's
   * `session.getObjectApi({handle, id, type, genericType})`, which nebula.js
   * calls to reach the Global API (`{handle: -1}`).
   */
  getObjectApi(ref: {
    readonly handle: number;
    readonly id?: string;
    readonly type?: string;
    readonly genericType?: string;
  }): ApiObject {
    const type = ref.type ?? (ref.handle === -1 ? 'Global' : '');
    return this.objectApi(
      { qHandle: ref.handle, qType: type, qGenericId: ref.id, qGenericType: ref.genericType },
      undefined,
    );
  }

  /** @internal The API objects alive now. */
  listApis(): ApiObject[] {
    return [...this.apis.values()];
  }

  /** @internal How to restore an API object beyond fetching it by id. */
  recipeOf(api: ApiObject): RestoreRecipe | undefined {
    return this.recipes.get(api);
  }

  /** @internal The OpenDoc params last sent, to open the doc again when resuming. */
  get openDocParams(): unknown {
    return this.recipes.openDocParams;
  }

  /** @internal RpcListener: every frame from the engine. */
  onMessage(message: JsonRpcMessage, call: Call | undefined): void {
    if (this.isTrafficWatched()) this.emitReceived(message, call);
    if (call === undefined) {
      if (message.method !== undefined && message.id === undefined)
        this.handleNotification(message);
      else this.handleChanges(message);
      return;
    }
    this.handleChanges(message);
    if (message.delta === true && message.result !== undefined && message.error === undefined) {
      try {
        this.deltaCache.patchResult(call.handle, call.request.method, message.result);
      } catch (error) {
        if (!call.settled) this.fail(call, error);
        return;
      }
    }
    if (call.settled) return;
    this.disarm(call);
    if (call.raw) {
      call.resolve(message);
      return;
    }
    try {
      call.resolve(this.processResponse(call.request, message));
    } catch (error) {
      call.reject(error);
    }
  }

  /** @internal RpcListener: the socket closed. */
  onClose(event: SocketCloseEvent, calls: Call[], initiatedLocally: boolean): void {
    this.failAll(
      calls,
      new QixError(errorCodes.NOT_CONNECTED, 'Socket closed', { cause: event, original: event }),
    );
    if (initiatedLocally || this.phase !== 'open') return;
    const unexpected = event.code !== CLOSE_NORMAL && event.code !== CLOSE_SUSPEND;
    if (unexpected && this.reconnectLoop) {
      this.phase = 'suspended';
      this.lostEvent = event;
      this.emit('suspended', { initiator: 'network', code: event.code, reason: event.reason });
      this.holdCalls = this.reconnectLoop.options.waitCalls;
      this.reconnectLoop.start();
    } else if (unexpected && this.config.suspendOnClose) {
      this.phase = 'suspended';
      this.emit('suspended', { initiator: 'network', code: event.code, reason: event.reason });
    } else {
      this.phase = 'closed';
      this.globalPromise = undefined;
      this.finishClose(event);
    }
  }

  /** @internal RpcListener: the socket reported an error. */
  onSocketError(event: unknown, calls: Call[]): void {
    this.failAll(
      calls,
      new QixError(errorCodes.NOT_CONNECTED, 'Socket error', { cause: event, original: event }),
    );
    if (this.phase !== 'suspended') this.emit('socket-error', event);
  }

  private sendDirect(
    request: QixRequest,
    descriptor: MethodDescriptor,
    options: CallOptions | undefined,
  ): Promise<unknown> {
    if (this.phase === 'suspended') return Promise.reject(this.suspendedError());
    const id = this.rpc.nextId();
    request.id = id;
    const call = new Call(id, request.handle, request, false);
    const promise = new Promise<unknown>((resolve, reject) => {
      call.resolve = resolve;
      call.reject = reject;
    }) as QixPromise<unknown>;
    promise.requestId = id;
    // Built by hand: the envelope is fixed, only the params need JSON.stringify.
    const frame = `{"jsonrpc":"2.0","id":${id},"method":${descriptor.methodJson},"handle":${request.handle},"params":${JSON.stringify(request.params)}${this.protocolFrame}}`;
    this.transmit(call, frame, options);
    return promise;
  }

  /** Sends a request that went through the request interceptors; resolves the raw message. */
  private sendRequest(
    request: QixRequest,
    options: CallOptions | undefined,
  ): Promise<JsonRpcMessage> {
    const id = request.id ?? this.rpc.nextId();
    const call = new Call(id, request.handle, request, true);
    const promise = new Promise<unknown>((resolve, reject) => {
      call.resolve = resolve;
      call.reject = reject;
    });
    const { outKey: _outKey, retry: _retry, ...wire } = request;
    const frame = JSON.stringify({ ...this.protocol, ...wire, jsonrpc: '2.0', id });
    this.transmit(call, frame, options);
    return promise as Promise<JsonRpcMessage>;
  }

  private transmit(call: Call, frame: string, options: CallOptions | undefined): void {
    const signal = options?.signal;
    if (signal?.aborted) {
      call.reject(abortError(call.request.method, call.id, signal));
      return;
    }
    if (!this.rpc.send(frame, call)) {
      call.reject(this.notConnectedError());
      return;
    }
    if (this.isTrafficWatched()) this.emitSent(call.request, frame);
    const timeout = options?.timeout ?? this.config.timeout;
    if (timeout !== undefined && timeout > 0 && Number.isFinite(timeout)) {
      call.timer = setTimeout(
        () => this.cancel(call, timeoutError(call.request.method, call.id, timeout)),
        timeout,
      );
    }
    if (signal) {
      call.signal = signal;
      call.onAbort = () => this.cancel(call, abortError(call.request.method, call.id, signal));
      signal.addEventListener('abort', call.onAbort, { once: true });
    }
  }

  /** Rejects a call at once and asks the engine to stop working on it. */
  private cancel(call: Call, error: QixError): void {
    if (call.settled) return;
    this.fail(call, error);
    const id = this.rpc.nextId();
    const cancelRequest: QixRequest = {
      handle: -1,
      method: 'CancelRequest',
      params: [call.id],
      id,
    };
    const ack = new Call(id, -1, cancelRequest, true);
    // The answer to the cancel request does not matter to anyone.
    ack.settled = true;
    const frame = `{"jsonrpc":"2.0","id":${id},"method":"CancelRequest","handle":-1,"params":[${call.id}]}`;
    if (this.rpc.send(frame, ack) && this.isTrafficWatched()) this.emitSent(cancelRequest, frame);
  }

  private fail(call: Call, error: unknown): void {
    this.disarm(call);
    call.reject(error);
  }

  private failAll(calls: Call[], error: QixError): void {
    for (const call of calls) if (!call.settled) this.fail(call, error);
  }

  private disarm(call: Call): void {
    call.settled = true;
    if (call.timer !== undefined) clearTimeout(call.timer);
    if (call.signal !== undefined && call.onAbort !== undefined) {
      call.signal.removeEventListener('abort', call.onAbort);
    }
  }

  /** The built-in first request interceptor: asks for deltas where a single result key can be patched. */
  private markDelta(request: QixRequest): QixRequest {
    if (this.useDelta && request.outKey !== -1 && request.outKey !== 'qSuccess')
      request.delta = true;
    return request;
  }

  private runResponseInterceptors(
    raw: Promise<JsonRpcMessage>,
    request: QixRequest,
  ): Promise<unknown> {
    let chain: Promise<unknown> = raw.then((message) => {
      if (message.error !== undefined) throw new QixEngineError(message.error);
      return unwrapResult(request.method, request.outKey, message.result);
    });
    for (const interceptor of this.responseInterceptors) {
      chain = chain.then(
        interceptor.onFulfilled && ((result) => interceptor.onFulfilled?.(this, request, result)),
        interceptor.onRejected && ((error) => interceptor.onRejected?.(this, request, error)),
      );
    }
    return chain.then((value) => this.toApiObject(request, value));
  }

  private processResponse(request: QixRequest, message: JsonRpcMessage): unknown {
    if (message.error !== undefined) throw new QixEngineError(message.error);
    return this.toApiObject(request, unwrapResult(request.method, request.outKey, message.result));
  }

  /** Turns `{qHandle, qType}` into the API object of that handle and records how to restore it. */
  private toApiObject(request: QixRequest, value: unknown): unknown {
    if (request.method === 'SetProperties' || request.method === 'ApplyPatches') {
      this.recipes.recordPropertyChange(this.apis.get(request.handle), request);
    }
    if (typeof value !== 'object' || value === null) return value;
    const ref = value as Partial<ObjectRef> & { qHandle?: unknown; qType?: unknown };
    if (typeof ref.qHandle === 'number' && typeof ref.qType === 'string') {
      return this.objectApi(ref as ObjectRef, request);
    }
    if (ref.qHandle === null && ref.qType === null) {
      throw new QixError(errorCodes.OBJECT_NOT_FOUND, 'Object not found');
    }
    return value;
  }

  private objectApi(ref: ObjectRef, request: QixRequest | undefined): ApiObject {
    const existing = this.apis.get(ref.qHandle);
    if (existing) return existing;
    const api = this.factory.create(
      this,
      ref.qHandle,
      ref.qType,
      ref.qGenericId ?? '',
      ref.qGenericType ?? ref.qType,
    );
    this.apis.set(ref.qHandle, api);
    if (request) this.recipes.recordOrigin(api, request, this.apis.get(request.handle));
    return api;
  }

  private handleNotification(message: JsonRpcMessage): void {
    const method = message.method as string;
    if (method === 'OnConnected' && this.onConnected) {
      this.onConnected(
        String((message.params as { qSessionState?: unknown } | undefined)?.qSessionState),
      );
    }
    this.emit('notification:*', method, message.params);
    this.emit(`notification:${method}`, message.params);
  }

  private handleChanges(message: JsonRpcMessage): void {
    if (this.phase === 'suspended') return;
    if (message.change !== undefined) {
      for (const handle of message.change) this.apis.get(handle)?.emit('changed');
    }
    if (message.close !== undefined) {
      for (const handle of message.close) this.closeApi(handle);
    }
  }

  private closeApi(handle: number): void {
    const api = this.apis.get(handle);
    this.deltaCache.dropHandle(handle);
    if (!api) return;
    this.apis.delete(handle);
    this.recipes.forget(api);
    api.emit('closed');
    api.removeAllListeners();
  }

  private finishClose(event: SocketCloseEvent): void {
    const apis = [...this.apis.values()];
    this.apis.clear();
    this.recipes.clear();
    this.deltaCache.clear();
    this.emit('closed', event);
    for (const api of apis) {
      api.emit('closed');
      api.removeAllListeners();
    }
  }

  private async restore(onlyIfAttached: boolean): Promise<void> {
    try {
      const state = await this.reopenSocket();
      if (onlyIfAttached && state !== 'SESSION_ATTACHED') {
        throw new QixError(errorCodes.SESSION_NOT_ATTACHED, 'Not attached');
      }
      // The engine's delta baselines belong to the old socket.
      this.deltaCache.clear();
      const { restored, lost } = await restoreApis(this);
      // close() may have been called while restoring: then nothing is restored.
      if (this.phase !== 'suspended')
        throw new QixError(errorCodes.NOT_CONNECTED, 'Session closed while resuming');
      this.apis.clear();
      for (const api of restored) this.apis.set(api.handle, api);
      this.phase = 'open';
      for (const api of lost) {
        this.recipes.forget(api);
        api.emit('closed');
        api.removeAllListeners();
      }
      for (const api of restored) if (api.type !== 'Global') api.emit('changed');
    } catch (error) {
      if (this.phase === 'suspended') await this.rpc.close(CLOSE_SUSPEND, 'resume failed');
      throw error;
    }
  }

  /** Opens a new socket and waits for OnConnected; resolves the session state it reports. */
  private reopenSocket(): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = (state: string) => {
        clearTimeout(timer);
        this.onConnected = undefined;
        resolve(state);
      };
      this.onConnected = settle;
      this.rpc.open().then(
        () => {
          // Engines that never send OnConnected get a new session by assumption, as in enigma.js.
          if (this.onConnected === settle)
            timer = setTimeout(() => settle('SESSION_CREATED'), ON_CONNECTED_WAIT_MS);
        },
        (error: unknown) => {
          this.onConnected = undefined;
          reject(error);
        },
      );
    });
  }

  private reconnectTarget(): ReconnectTarget {
    return {
      attempt: (onlyIfAttached) => this.restore(onlyIfAttached),
      stillSuspended: () => this.phase === 'suspended',
      onAttempt: (event) => this.emit('reconnecting', event),
      onReconnected: (attempts) => {
        this.holdCalls = false;
        this.emit('resumed');
        this.emit('reconnected', { attempts });
        this.releaseHeld();
      },
      onGiveUp: () => {
        this.holdCalls = false;
        const stays = this.config.suspendOnClose;
        this.releaseHeld(stays ? this.suspendedError() : this.notConnectedError());
        // With suspendOnClose the session stays suspended for a manual resume().
        if (stays) return;
        this.phase = 'closed';
        this.globalPromise = undefined;
        this.finishClose(this.lostEvent ?? { code: 1006, reason: '' });
      },
    };
  }

  private isTrafficWatched(): boolean {
    return this.trafficListeners > 0;
  }

  private emitSent(request: QixRequest, frame: string): void {
    const hasSession = this.hasListeners('traffic:*') || this.hasListeners('traffic:sent');
    const api = this.apis.get(request.handle);
    const hasApi =
      api !== undefined && (api.hasListeners('traffic:*') || api.hasListeners('traffic:sent'));
    if (!hasSession && !hasApi) return;
    const message: unknown = JSON.parse(frame);
    if (hasSession) {
      this.emit('traffic:*', 'sent', message);
      this.emit('traffic:sent', message);
    }
    if (hasApi) {
      api.emit('traffic:*', 'sent', message);
      api.emit('traffic:sent', message);
    }
  }

  private emitReceived(message: JsonRpcMessage, call: Call | undefined): void {
    this.emit('traffic:*', 'received', message);
    this.emit('traffic:received', message);
    const api = call && this.apis.get(call.handle);
    if (api) {
      api.emit('traffic:*', 'received', message);
      api.emit('traffic:received', message);
    }
  }

  private suspendedError(): QixError {
    const original = this.rpc.lastCloseEvent;
    return new QixError(errorCodes.SESSION_SUSPENDED, 'Session suspended', {
      cause: original,
      original,
    });
  }

  private notConnectedError(): QixError {
    const original = this.rpc.lastCloseEvent;
    return new QixError(errorCodes.NOT_CONNECTED, 'Not connected', { cause: original, original });
  }
}

function abortError(method: string, id: number, signal: AbortSignal): QixError {
  return new QixError(errorCodes.REQUEST_ABORTED, `${method} was aborted (request ${id})`, {
    cause: signal.reason,
  });
}

function timeoutError(method: string, id: number, timeout: number): QixError {
  return new QixError(
    errorCodes.REQUEST_TIMEOUT,
    `${method} got no answer within ${timeout} ms (request ${id})`,
  );
}

function withRequestId<T>(promise: Promise<T>, requestId: number): QixPromise<T> {
  const tagged = promise as QixPromise<T>;
  tagged.requestId = requestId;
  return tagged;
}
