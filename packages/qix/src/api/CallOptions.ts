/** Options for one engine call, given after the named-parameter object. */
export interface CallOptions {
  /** Aborting rejects the call at once and asks the engine to cancel it. */
  readonly signal?: AbortSignal;
  /** Milliseconds before the call is rejected with a timeout error. */
  readonly timeout?: number;
}
