import type { ApiObject } from '../api/ApiObject.js';
import type { CallOptions } from '../api/CallOptions.js';
import type { DeltaCache } from '../delta/DeltaCache.js';
import { errorCodes } from '../errors/errorCodes.js';
import { QixError } from '../errors/QixError.js';
import type { Emitter } from '../events/Emitter.js';
import type { PendingCall } from '../rpc/PendingCall.js';
import type { RpcConnection } from '../rpc/RpcConnection.js';
import type { SocketCloseEvent } from '../transport/SocketLike.js';
import { notConnectedError, suspendedError } from './callErrors.js';
import { HeldCalls } from './HeldCalls.js';
import { retire, type ObjectRegistry } from './ObjectRegistry.js';
import { ReconnectLoop, type ReconnectTarget } from './ReconnectLoop.js';
import { resolveReconnectOptions } from './ReconnectOptions.js';
import type { CallGate } from './RequestPipeline.js';
import { restoreApis, type RawCall } from './restoreApis.js';
import type { SessionConfig } from './SessionConfig.js';
import type { SessionEvents } from './SessionEvents.js';
import type { WireEvents } from './WireEvents.js';

type Phase = 'idle' | 'opening' | 'open' | 'suspended' | 'closed';

/** What a lifecycle drives and whom it tells. */
export interface LifecycleParts {
  /** The session, which emits the lifecycle's events. */
  readonly events: Emitter<SessionEvents>;
  readonly config: SessionConfig<never>;
  readonly connection: RpcConnection<PendingCall>;
  readonly objects: ObjectRegistry;
  readonly deltas: DeltaCache;
  readonly wire: WireEvents;
  /** Sends a request as is, for restoring objects on a new socket. */
  readonly rawCall: RawCall;
  /** Whether to reconnect when `config.reconnect` does not say. */
  readonly reconnectByDefault: boolean;
}

const CLOSE_NORMAL = 1000;
const CLOSE_SUSPEND = 4000;
const ON_CONNECTED_WAIT_MS = 5000;

/**
 * Where a session is in its life (idle, opening, open, suspended, closed) and
 * the moves between: open, close, suspend, resume, and after an unexpected
 * socket loss, suspend or reconnect (a new socket, then the doc and every API
 * object restored on it) or close. Calls made meanwhile fail with -11 or, while
 * a reconnect runs, wait for it.
 */
export class SessionLifecycle implements CallGate {
  readonly #events: Emitter<SessionEvents>;
  readonly #config: SessionConfig<never>;
  readonly #connection: RpcConnection<PendingCall>;
  readonly #objects: ObjectRegistry;
  readonly #deltas: DeltaCache;
  readonly #wire: WireEvents;
  readonly #rawCall: RawCall;
  #phase: Phase = 'idle';
  #globalPromise: Promise<ApiObject> | undefined = undefined;
  readonly #reconnectLoop: ReconnectLoop | undefined;
  /** Set while a reconnect runs and calls wait for it (`waitCalls`). */
  #holdCalls = false;
  readonly #held = new HeldCalls();
  /** The close event that started reconnecting, for `closed` if it gives up. */
  #lostEvent: SocketCloseEvent | undefined = undefined;

  constructor(parts: LifecycleParts) {
    ({
      events: this.#events,
      config: this.#config,
      connection: this.#connection,
      objects: this.#objects,
      deltas: this.#deltas,
      wire: this.#wire,
      rawCall: this.#rawCall,
    } = parts);
    const options = resolveReconnectOptions(parts.config.reconnect, parts.reconnectByDefault);
    this.#reconnectLoop = options && new ReconnectLoop(options, this.#reconnectTarget());
  }

  /** CallGate: calls are rejected with -11 (SESSION_SUSPENDED). */
  get suspended(): boolean {
    return this.#phase === 'suspended';
  }

  /** CallGate: calls wait for the running reconnect. */
  get holding(): boolean {
    return this.#holdCalls;
  }

  /** CallGate: waits for the running reconnect to end. */
  hold(method: string, options: CallOptions | undefined): Promise<CallOptions | undefined> {
    return this.#held.hold(method, options, this.#config.timeout);
  }

  /** Opens the socket and resolves the Global API; memoised until the session closes. */
  open(): Promise<ApiObject> {
    if (this.#globalPromise) return this.#globalPromise;
    this.#phase = 'opening';
    const opening = this.#connection.open().then(
      () => {
        this.#phase = 'open';
        const global = this.#objects.apiOf({
          qHandle: -1,
          qType: 'Global',
          qGenericId: 'Global',
        });
        this.#events.emit('opened');
        return global;
      },
      (error: unknown) => {
        // Unlike enigma.js, a failed open can be retried with open().
        if (this.#globalPromise === opening) this.#globalPromise = undefined;
        this.#phase = 'idle';
        throw error;
      },
    );
    this.#globalPromise = opening;
    return opening;
  }

  /** Closes the socket and every API object; emits `closed` once. */
  async close(code = CLOSE_NORMAL, reason = ''): Promise<SocketCloseEvent> {
    this.#stopReconnecting(notConnectedError(this.#connection.lastCloseEvent));
    const wasActive = this.#phase !== 'idle' && this.#phase !== 'closed';
    this.#phase = 'closed';
    this.#globalPromise = undefined;
    const event = await this.#connection.close(code, reason);
    if (wasActive) this.#finishClose(event);
    return event;
  }

  /** Closes the socket but keeps the API objects, to resume later. */
  async suspend(code = CLOSE_SUSPEND, reason = ''): Promise<void> {
    this.#stopReconnecting(suspendedError(this.#connection.lastCloseEvent));
    this.#phase = 'suspended';
    await this.#connection.close(code, reason);
    this.#events.emit('suspended', { initiator: 'manual', code, reason });
  }

  /** Opens a new socket and restores the doc and API objects; emits `resumed`. */
  async resume(onlyIfAttached = false): Promise<void> {
    if (this.#phase !== 'suspended') return;
    this.#reconnectLoop?.stop();
    this.#holdCalls = false;
    await this.#restore(onlyIfAttached).catch((error: unknown) => {
      this.#held.release(error);
      throw error;
    });
    this.#events.emit('resumed');
    this.#held.release();
  }

  /** The socket closed (`initiatedLocally`: by close() or suspend()); its calls were failed already. */
  socketClosed(event: SocketCloseEvent, initiatedLocally: boolean): void {
    if (initiatedLocally || this.#phase !== 'open') return;
    const unexpected = event.code !== CLOSE_NORMAL && event.code !== CLOSE_SUSPEND;
    if (unexpected && (this.#reconnectLoop || this.#config.suspendOnClose)) {
      this.#phase = 'suspended';
      this.#events.emit('suspended', {
        initiator: 'network',
        code: event.code,
        reason: event.reason,
      });
      if (this.#reconnectLoop) {
        this.#lostEvent = event;
        this.#holdCalls = this.#reconnectLoop.options.waitCalls;
        this.#reconnectLoop.start();
      }
    } else {
      this.#phase = 'closed';
      this.#globalPromise = undefined;
      this.#finishClose(event);
    }
  }

  /** The socket reported an error; its calls were failed already. */
  socketError(event: unknown): void {
    if (this.#phase !== 'suspended') this.#events.emit('socket-error', event);
  }

  /** Ends a running reconnect loop; calls held for it fail with `error`. */
  #stopReconnecting(error: QixError): void {
    this.#reconnectLoop?.stop();
    this.#holdCalls = false;
    this.#held.release(error);
  }

  #finishClose(event: SocketCloseEvent): void {
    const apis = this.#objects.takeAll();
    this.#deltas.clear();
    this.#events.emit('closed', event);
    retire(apis);
  }

  async #restore(onlyIfAttached: boolean): Promise<void> {
    try {
      const state = await this.#reopenSocket();
      if (onlyIfAttached && state !== 'SESSION_ATTACHED') {
        throw new QixError(errorCodes.SESSION_NOT_ATTACHED, 'Not attached');
      }
      // The engine's delta baselines belong to the old socket.
      this.#deltas.clear();
      const { restored, lost } = await restoreApis(this.#objects, this.#rawCall);
      // close() may have been called while restoring: then nothing is restored.
      if (this.#phase !== 'suspended')
        throw new QixError(errorCodes.NOT_CONNECTED, 'Session closed while resuming');
      this.#phase = 'open';
      this.#objects.replace(restored, lost);
      for (const api of restored) if (api.type !== 'Global') api.emit('changed');
    } catch (error) {
      if (this.#phase === 'suspended') await this.#connection.close(CLOSE_SUSPEND, 'resume failed');
      throw error;
    }
  }

  /** Opens a new socket and waits for OnConnected; resolves the session state it reports. */
  #reopenSocket(): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let waiting = true;
      const settle = (state: string) => {
        clearTimeout(timer);
        waiting = false;
        this.#wire.waitForConnected(undefined);
        resolve(state);
      };
      this.#wire.waitForConnected(settle);
      this.#connection.open().then(
        () => {
          // Engines that never send OnConnected get a new session by assumption, as in enigma.js.
          if (waiting) timer = setTimeout(() => settle('SESSION_CREATED'), ON_CONNECTED_WAIT_MS);
        },
        (error: unknown) => {
          this.#wire.waitForConnected(undefined);
          reject(error);
        },
      );
    });
  }

  #reconnectTarget(): ReconnectTarget {
    return {
      attempt: (onlyIfAttached) => this.#restore(onlyIfAttached),
      stillSuspended: () => this.#phase === 'suspended',
      onAttempt: (event) => this.#events.emit('reconnecting', event),
      onReconnected: (attempts) => {
        this.#holdCalls = false;
        this.#events.emit('resumed');
        this.#events.emit('reconnected', { attempts });
        this.#held.release();
      },
      onGiveUp: () => {
        this.#holdCalls = false;
        const stays = this.#config.suspendOnClose;
        const lastEvent = this.#connection.lastCloseEvent;
        this.#held.release(stays ? suspendedError(lastEvent) : notConnectedError(lastEvent));
        // With suspendOnClose the session stays suspended for a manual resume().
        if (stays) return;
        this.#phase = 'closed';
        this.#globalPromise = undefined;
        this.#finishClose(this.#lostEvent ?? { code: 1006, reason: '' });
      },
    };
  }
}
