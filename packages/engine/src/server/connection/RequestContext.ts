import type { CallContext } from '../dispatch/MethodTable.js';
import type { HandleEntry } from '../session/HandleTable.js';
import type { EngineSession } from '../session/EngineSession.js';
import type { RequestAbort } from './RequestAbort.js';

/**
 * What a method sees of its request. A class rather than an object literal
 * with a getter: every request makes one, and a literal's getter is a new
 * closure each time.
 */
export class RequestContext implements CallContext {
  constructor(
    readonly session: EngineSession,
    readonly entry: HandleEntry,
    readonly requestId: number | string,
    private readonly abort: RequestAbort,
  ) {}

  /** The request's signal, made when a method first asks for it. */
  get signal(): AbortSignal {
    return this.abort.signal;
  }
}
