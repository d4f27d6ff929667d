import type { PendingCall } from '../rpc/PendingCall.js';
import type { QixRequest } from './QixRequest.js';

/** One outstanding engine call and how to settle it. */
export class Call implements PendingCall {
  /** True once the caller's promise was settled (e.g. aborted) while the engine may still answer. */
  settled = false;
  resolve: (value: unknown) => void = noop;
  reject: (error: unknown) => void = noop;
  timer: ReturnType<typeof setTimeout> | undefined = undefined;
  signal: AbortSignal | undefined = undefined;
  onAbort: (() => void) | undefined = undefined;

  constructor(
    readonly id: number,
    readonly handle: number,
    readonly request: QixRequest,
    /** Resolve with the raw JSON-RPC message instead of the unwrapped result. */
    readonly raw: boolean,
  ) {}
}

function noop(): void {}
