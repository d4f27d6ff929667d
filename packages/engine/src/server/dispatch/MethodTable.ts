import type { HandleEntry } from '../session/HandleTable.js';
import type { EngineSession } from '../session/EngineSession.js';

/** What a method implementation gets besides its arguments. */
export interface CallContext {
  readonly session: EngineSession;
  readonly entry: HandleEntry;
  /** The JSON-RPC id of the request, for methods such as GetProgress that refer to other requests. */
  readonly requestId: number | string;
  /** Aborted when the client cancels the request (CancelRequest/AbortRequest) or the session ends. */
  readonly signal: AbortSignal;
}

/** Arguments by In-parameter name, defaults filled in. */
export type Args = Record<string, unknown>;

/** One engine method: returns the JSON-RPC result object (keys are Out-parameter names). */
export type MethodImpl = (context: CallContext, args: Args) => object | Promise<object>;

/** Methods of one engine class keyed by wire name (PascalCase, as in the spec). */
export type ClassMethods = Readonly<Record<string, MethodImpl>>;
