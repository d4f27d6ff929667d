import { QlikAbortError } from '../errors/QlikAbortError.js';
import { QlikTimeoutError } from '../errors/QlikTimeoutError.js';

/** The signal of one attempt, and how to let go of its timer and its link to the caller's signal. */
export interface AttemptSignal {
  readonly signal: AbortSignal;
  /** Restarts the timeout: the attempt made progress (a chunk of its body went out). */
  touch(): void;
  /** Stops the timeout; keeps the caller's signal linked when a body is still to be read (downloads). */
  release(keepCallerLink: boolean): void;
}

/**
 * One signal per attempt, aborted by the caller's signal or by the timeout,
 * whose reason is already the error the call fails with. The timeout counts
 * time without progress: `touch()` starts it over, so a slow upload that is
 * still sending is not cut off, while one that stalls is.
 */
export function attemptSignal(
  method: string,
  url: string,
  timeoutMs: number,
  callerSignal?: AbortSignal,
): AttemptSignal {
  const controller = new AbortController();
  const expire = () => controller.abort(new QlikTimeoutError(method, url, timeoutMs));
  let timer = timeoutMs > 0 ? setTimeout(expire, timeoutMs) : undefined;
  let released = false;
  const onAbort = () =>
    controller.abort(new QlikAbortError(method, url, { cause: callerSignal?.reason }));
  if (callerSignal?.aborted) onAbort();
  else callerSignal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    touch: () => {
      if (timer === undefined || released) return;
      clearTimeout(timer);
      timer = setTimeout(expire, timeoutMs);
    },
    release: (keepCallerLink) => {
      released = true;
      if (timer !== undefined) clearTimeout(timer);
      if (!keepCallerLink) callerSignal?.removeEventListener('abort', onAbort);
    },
  };
}
