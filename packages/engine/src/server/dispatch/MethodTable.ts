import type { EngineMethods } from '../../generated/methods.js';
import type { HandleEntry } from '../session/HandleTable.js';
import type { EngineSession } from '../session/EngineSession.js';

/** An engine class (Global, Doc, GenericObject, ...), as the spec names it. */
export type EngineClass = keyof EngineMethods;

/** The wire name of a method of class `C` (PascalCase, as in the spec). */
export type MethodName<C extends EngineClass> = keyof EngineMethods[C] & string;

/** The arguments of a method by In-param name, defaults filled in and types checked against the spec. */
export type MethodArgs<
  C extends EngineClass,
  M extends MethodName<C>,
> = EngineMethods[C][M] extends {
  args: infer A;
}
  ? A
  : never;

/** The JSON-RPC result of a method: its Out params by name, as the spec types them. */
export type MethodResult<
  C extends EngineClass,
  M extends MethodName<C>,
> = EngineMethods[C][M] extends {
  result: infer R;
}
  ? R
  : never;

/** What a method implementation gets besides its arguments. */
export interface CallContext {
  readonly session: EngineSession;
  readonly entry: HandleEntry;
  /** The JSON-RPC id of the request, for methods such as GetProgress that refer to other requests. */
  readonly requestId: number | string;
  /** Aborted when the client cancels the request (CancelRequest/AbortRequest) or the session ends. */
  readonly signal: AbortSignal;
}

/** One engine method: computes the result the spec gives it from the arguments the spec gives it. */
export type MethodImpl<C extends EngineClass, M extends MethodName<C>> = (
  context: CallContext,
  args: MethodArgs<C, M>,
) => MethodResult<C, M> | Promise<MethodResult<C, M>>;

/** Implementations of some methods of class `C`; a method left out answers LOCERR_GENERIC_NOT_IMPLEMENTED. */
export type ClassMethods<C extends EngineClass> = {
  readonly [M in MethodName<C>]?: MethodImpl<C, M>;
};

/** Every class's method implementations. */
export type EngineHandlers = { readonly [C in EngineClass]?: ClassMethods<C> };

const REASON = Symbol('notImplemented');

/** A method implementation that was left out on purpose, with the reason the README and the error give. */
export type NotImplemented = (() => never) & { readonly [REASON]: string };

/** Marks a method as not implemented by this engine, saying why (it answers LOCERR 20 with its name and this reason). */
export function notImplemented(reason: string): NotImplemented {
  const impl = () => {
    throw new Error(`notImplemented handlers are answered by the dispatcher: ${reason}`);
  };
  return Object.assign(impl, { [REASON]: reason });
}

/** The reason a method implementation is marked not implemented, or undefined for one that computes. */
export function notImplementedReason(impl: unknown): string | undefined {
  return typeof impl === 'function' ? (impl as Partial<NotImplemented>)[REASON] : undefined;
}
