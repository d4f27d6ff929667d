import type { Operation } from '../core/Operation.js';
import type { QlikError } from '../errors/QlikError.js';

/** Which call and which attempt of it a hook is looking at. */
export interface HookContext {
  readonly operation: Operation;
  /** 0 for the first attempt, then 1, 2... for retries. */
  readonly attempt: number;
}

/** A retry about to happen after a network error or a 5xx. */
export interface RetryEvent extends HookContext {
  readonly delayMs: number;
  readonly error: QlikError;
}

/** A 429 answer: the call waits `retryAfterMs` and its budget slows down. */
export interface RateLimitedEvent extends HookContext {
  readonly retryAfterMs: number;
  /** Calls allowed per window in this budget after slowing down. */
  readonly limit: number;
}

/** A call waiting in the client-side limiter. */
export interface QueuedEvent {
  readonly operation: Operation;
  /** Calls waiting across all budgets, this one included. */
  readonly queueLength: number;
}

/** Functions called around every request; each is optional. */
export interface Hooks {
  /** Sees the request just before it is sent; may return a replacement. */
  readonly beforeRequest?: (
    request: Request,
    context: HookContext,
  ) => Request | void | Promise<Request | void>;
  /** Sees every response (errors too) before the client reads it; may return a replacement. */
  readonly afterResponse?: (
    response: Response,
    context: HookContext & { readonly request: Request },
  ) => Response | void | Promise<Response | void>;
  /** Sees the error a call is about to fail with; may return a replacement. */
  readonly onError?: (error: QlikError, context: HookContext) => QlikError | void;
  readonly onRetry?: (event: RetryEvent) => void;
  readonly onRateLimited?: (event: RateLimitedEvent) => void;
  readonly onQueued?: (event: QueuedEvent) => void;
}
