import type { Global } from './generated/classes.js';
import { qixSchema } from './generated/schema.js';
import type { Mixin } from './api/Mixin.js';
import type { QixSchema } from './schema/QixSchema.js';
import type { RequestInterceptor, ResponseInterceptor } from './session/Interceptors.js';
import type { ReconnectOptions } from './session/ReconnectOptions.js';
import { Session } from './session/Session.js';
import type { CreateSocket } from './transport/SocketLike.js';

/** A session whose API objects are typed with the generated engine interfaces. */
export type QixSession = Session<Global>;

/** Options of {@link openSession}. */
export interface OpenSessionOptions {
  /** Engine WebSocket URL (see `buildUrl` / `buildCloudUrl` in `@qlikit/qix/sense-utilities`). */
  readonly url: string;
  /** Creates the socket (e.g. `ws` with headers); default: global WebSocket, else `ws`. */
  readonly createSocket?: CreateSocket;
  readonly mixins?: readonly Mixin[];
  readonly interceptors?: {
    readonly request?: readonly RequestInterceptor<QixSession>[];
    readonly response?: readonly ResponseInterceptor<QixSession>[];
  };
  /** Use the delta protocol (default true). */
  readonly delta?: boolean;
  /** `'copies'` hands out patched results as deep copies the caller may change (default `'shared'`: read-only, see `SessionConfig`). */
  readonly deltaResults?: 'shared' | 'copies';
  /** Suspend instead of close when the socket is lost and reconnecting is off or gave up. */
  readonly suspendOnClose?: boolean;
  /** Reconnect after an unexpected socket loss (default on; `false` turns it off). */
  readonly reconnect?: boolean | ReconnectOptions;
  /** Default timeout of every call in milliseconds (none by default). */
  readonly timeout?: number;
  /** Another engine schema (enigma.js format); default: the generated one. */
  readonly schema?: QixSchema;
  /** More members for every request. */
  readonly protocol?: Readonly<Record<string, unknown>>;
}

/** Creates a session; `await session.open()` connects and resolves the typed `Global`. */
export function openSession(options: OpenSessionOptions): QixSession {
  return new Session<Global>(
    {
      url: options.url,
      schema: options.schema ?? qixSchema,
      createSocket: options.createSocket,
      mixins: options.mixins,
      requestInterceptors: options.interceptors?.request,
      responseInterceptors: options.interceptors?.response,
      protocol: { ...options.protocol, delta: options.delta ?? true },
      deltaResults: options.deltaResults,
      suspendOnClose: options.suspendOnClose,
      reconnect: options.reconnect,
      timeout: options.timeout,
      mixinConfig: options,
    },
    true,
  );
}

export { Session } from './session/Session.js';
export type { SessionConfig } from './session/SessionConfig.js';
export type { SessionEvents, SuspendedEvent, ReconnectingEvent } from './session/SessionEvents.js';
export type { QixRequest, QixPromise } from './session/QixRequest.js';
export type { RequestInterceptor, ResponseInterceptor } from './session/Interceptors.js';
export type { ReconnectOptions } from './session/ReconnectOptions.js';
export { ApiObject } from './api/ApiObject.js';
export type { ApiEvents } from './api/ApiEvents.js';
export type { Mixin, MixinOverride, MixinInitArgs, BaseMethod } from './api/Mixin.js';
export type { CallOptions } from './api/CallOptions.js';
export type { QixObjectBase } from './api/QixObjectBase.js';
export type {
  QixSchema,
  QixSchemaMethod,
  QixSchemaInParam,
  QixSchemaOutParam,
} from './schema/QixSchema.js';
export type { CreateSocket, SocketLike, SocketCloseEvent } from './transport/SocketLike.js';
export { QixError } from './errors/QixError.js';
export { QixEngineError } from './errors/QixEngineError.js';
export { errorCodes } from './errors/errorCodes.js';
export type { ErrorCode, ErrorCodeName } from './errors/errorCodes.js';
export { applyJsonPatch } from './delta/applyJsonPatch.js';
export type { JsonPatchOperation } from './delta/JsonPatchOperation.js';
export { iterateHyperCubePages } from './paging/iterateHyperCubePages.js';
export type {
  HyperCubePagingOptions,
  HyperCubeDataPage,
  HyperCubeSource,
} from './paging/iterateHyperCubePages.js';
export { buildUrl } from './url/buildUrl.js';
export type { BuildUrlOptions } from './url/buildUrl.js';
export { buildCloudUrl } from './url/buildCloudUrl.js';
export type { BuildCloudUrlOptions } from './url/buildCloudUrl.js';
export { qixSchema, QIX_VERSION } from './generated/schema.js';
export type * from './generated/types.js';
export type * from './generated/classes.js';
