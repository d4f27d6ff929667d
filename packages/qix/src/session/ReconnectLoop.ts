import { errorCodes } from '../errors/errorCodes.js';
import { QixError } from '../errors/QixError.js';
import type { ReconnectingEvent } from './SessionEvents.js';
import { backoffDelay, type ResolvedReconnectOptions } from './ReconnectOptions.js';

/** What the loop drives: one restore attempt, and what to tell the session. */
export interface ReconnectTarget {
  /** Opens a new socket and restores the session; rejects when this attempt failed. */
  attempt(onlyIfAttached: boolean): Promise<void>;
  /** Whether the session still waits to be reconnected (not closed meanwhile). */
  stillSuspended(): boolean;
  onAttempt(event: ReconnectingEvent): void;
  onReconnected(attempts: number): void;
  onGiveUp(lastError: unknown): void;
}

/**
 * Retries restoring a session with exponential backoff until it works, the
 * retries run out, or `stop()` is called. An attempt that finishes after
 * `stop()` is ignored.
 */
export class ReconnectLoop {
  #timer: ReturnType<typeof setTimeout> | undefined = undefined;
  #generation = 0;

  readonly options: ResolvedReconnectOptions;
  readonly #target: ReconnectTarget;

  constructor(options: ResolvedReconnectOptions, target: ReconnectTarget) {
    this.options = options;
    this.#target = target;
  }

  /** Starts from the first attempt. */
  start(): void {
    this.stop();
    this.#schedule(1, undefined);
  }

  /** Cancels the pending attempt and ignores the one in flight. */
  stop(): void {
    this.#generation += 1;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(attempt: number, lastError: unknown): void {
    if (attempt > this.options.retries) {
      this.#target.onGiveUp(lastError);
      return;
    }
    const delay = backoffDelay(this.options, attempt);
    const generation = this.#generation;
    this.#target.onAttempt({ attempt, delay, error: lastError });
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#target.attempt(this.options.onlyIfAttached).then(
        () => {
          if (generation === this.#generation) this.#target.onReconnected(attempt);
        },
        (error: unknown) => {
          if (generation !== this.#generation || !this.#target.stillSuspended()) return;
          // A new session where only the old one would do: more attempts cannot help.
          const hopeless =
            error instanceof QixError && error.code === errorCodes.SESSION_NOT_ATTACHED;
          if (hopeless) this.#target.onGiveUp(error);
          else this.#schedule(attempt + 1, error);
        },
      );
    }, delay);
  }
}
