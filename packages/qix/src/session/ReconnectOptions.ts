/** How the session reconnects after it loses its socket unexpectedly. */
export interface ReconnectOptions {
  /** Attempts before giving up (then `closed` is emitted). Default 8. */
  readonly retries?: number;
  /** Milliseconds before the first attempt. Default 250. */
  readonly initialDelay?: number;
  /** Upper bound of the delay between attempts. Default 10,000. */
  readonly maxDelay?: number;
  /** Growth of the delay per attempt. Default 2. */
  readonly factor?: number;
  /** Fraction of each delay that is randomised, so clients do not reconnect in lockstep. Default 0.2. */
  readonly jitter?: number;
  /** Give up unless the engine re-attaches the old session (SESSION_ATTACHED). Default false. */
  readonly onlyIfAttached?: boolean;
  /**
   * Calls made while reconnecting wait for it (within their timeout and
   * signal) and are sent once the session is back, instead of failing with
   * SESSION_SUSPENDED (-11). Default true.
   */
  readonly waitCalls?: boolean;
}

/** Reconnect options with every default filled in. */
export type ResolvedReconnectOptions = Required<ReconnectOptions>;

/** Fills in the defaults; `false` turns reconnecting off (undefined is returned). */
export function resolveReconnectOptions(
  option: boolean | ReconnectOptions | undefined,
  enabledByDefault: boolean,
): ResolvedReconnectOptions | undefined {
  if (option === false || (option === undefined && !enabledByDefault)) return undefined;
  const given = typeof option === 'object' ? option : {};
  return {
    retries: given.retries ?? 8,
    initialDelay: given.initialDelay ?? 250,
    maxDelay: given.maxDelay ?? 10_000,
    factor: given.factor ?? 2,
    jitter: given.jitter ?? 0.2,
    onlyIfAttached: given.onlyIfAttached ?? false,
    waitCalls: given.waitCalls ?? true,
  };
}

/** The delay before an attempt (1-based): exponential, capped, with jitter taken off. */
export function backoffDelay(options: ResolvedReconnectOptions, attempt: number): number {
  const exponential = options.initialDelay * options.factor ** (attempt - 1);
  const capped = Math.min(options.maxDelay, exponential);
  return Math.round(capped * (1 - options.jitter * Math.random()));
}
