import type { Mixin } from '../api/Mixin.js';
import type { QixSchema } from '../schema/QixSchema.js';
import type { CreateSocket } from '../transport/SocketLike.js';
import type { RequestInterceptor, ResponseInterceptor } from './Interceptors.js';
import type { ReconnectOptions } from './ReconnectOptions.js';

/** Everything a session is built from. The object passed in is never changed. */
export interface SessionConfig<TSession = unknown> {
  /** WebSocket URL of the engine, e.g. `ws://localhost:9076/app/engineData`. */
  readonly url: string;
  /** The engine schema in enigma.js format. */
  readonly schema: QixSchema;
  /** Creates the socket; default: the global WebSocket, else the `ws` package. */
  readonly createSocket?: CreateSocket;
  /** Suspend (instead of close) when the socket closes unexpectedly. */
  readonly suspendOnClose?: boolean;
  readonly mixins?: readonly Mixin[];
  readonly requestInterceptors?: readonly RequestInterceptor<TSession>[];
  readonly responseInterceptors?: readonly ResponseInterceptor<TSession>[];
  /** Members added to every request; `delta` (default true) turns the delta protocol on. */
  readonly protocol?: Readonly<Record<string, unknown>>;
  /**
   * What a result patched by the delta protocol is: `'shared'` (the default)
   * shares unchanged parts with the session's delta cache, so it must be
   * treated as read-only; `'copies'` (the enigma.js entry's default) is a deep
   * copy the caller may change, as enigma.js gives.
   */
  readonly deltaResults?: 'shared' | 'copies';
  /** Reconnect automatically after an unexpected socket loss (`true` = defaults). */
  readonly reconnect?: boolean | ReconnectOptions;
  /** Default per-call timeout in milliseconds (none when absent). */
  readonly timeout?: number;
  /** What mixins' `init` receives as `config` (default: this object). */
  readonly mixinConfig?: unknown;
}
