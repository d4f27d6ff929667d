import type { PendingCall } from '../rpc/PendingCall.js';
import type { QixRequest, SentRequest } from './QixRequest.js';

/**
 * One outstanding engine call and how to settle it; it is also the request as
 * the session reads it once sent (no second object per call). One is made per
 * call, so its members are plain assignments in the constructor (declared, not
 * class fields, which define each member one by one and cost more).
 */
export class Call implements PendingCall, SentRequest {
  /** True once the caller's promise was settled (e.g. aborted) while the engine may still answer. */
  declare settled: boolean;
  declare resolve: (value: unknown) => void;
  declare reject: (error: unknown) => void;
  declare timer: ReturnType<typeof setTimeout> | undefined;
  declare signal: AbortSignal | undefined;
  declare onAbort: (() => void) | undefined;
  declare readonly id: number;
  declare readonly handle: number;
  declare readonly method: string;
  declare readonly params: QixRequest['params'];
  declare readonly outKey: string | -1;
  /** Resolve with the raw JSON-RPC message instead of the unwrapped result. */
  declare readonly raw: boolean;

  constructor(
    id: number,
    handle: number,
    method: string,
    params: QixRequest['params'],
    outKey: string | -1,
    raw: boolean,
  ) {
    this.id = id;
    this.handle = handle;
    this.method = method;
    this.params = params;
    this.outKey = outKey;
    this.raw = raw;
    this.settled = false;
    this.resolve = noop;
    this.reject = noop;
    this.timer = undefined;
    this.signal = undefined;
    this.onAbort = undefined;
  }
}

/** Does nothing: a Call's resolve and reject until it is armed, and the catch of an answer nobody reads. */
export function noop(): void {}
