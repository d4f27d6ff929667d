import type { CallOptions } from '../api/CallOptions.js';
import { abortError, timeoutError } from './callErrors.js';

/**
 * Calls made while the session reconnects, held until the reconnect ends:
 * then let go (to be sent on the new socket) or failed. A held call still
 * honours its signal and its timeout.
 */
export class HeldCalls {
  readonly #waiting = new Set<(error?: unknown) => void>();

  /**
   * Waits for `release()`; resolves with the call's options for sending it
   * then, its timeout shortened by the time it waited.
   */
  hold(
    method: string,
    options: CallOptions | undefined,
    defaultTimeout: number | undefined,
  ): Promise<CallOptions | undefined> {
    const signal = options?.signal;
    const timeout = options?.timeout ?? defaultTimeout ?? 0;
    const started = Date.now();
    return new Promise<CallOptions | undefined>((resolve, reject) => {
      const done = (error?: unknown) => {
        this.#waiting.delete(done);
        clearTimeout(timer);
        signal?.removeEventListener('abort', abort);
        if (error) reject(error);
        else if (timeout > 0)
          resolve({ ...options, timeout: Math.max(1, started + timeout - Date.now()) });
        else resolve(options);
      };
      const abort = () => done(abortError(method, -1, signal as AbortSignal));
      const timer =
        Number.isFinite(timeout) && timeout > 0
          ? setTimeout(() => done(timeoutError(method, -1, timeout)), timeout)
          : undefined;
      this.#waiting.add(done);
      if (signal?.aborted) abort();
      else signal?.addEventListener('abort', abort);
    });
  }

  /** Lets every held call go (no error) or fails them all with `error`. */
  release(error?: unknown): void {
    for (const done of [...this.#waiting]) done(error);
  }
}
