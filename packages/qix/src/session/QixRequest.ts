/**
 * A request as interceptors and `session.send()` see it. Params go on the
 * wire as they are here (positional arrays from API methods); `outKey` stays
 * on the client and picks the result key to return.
 */
export interface QixRequest {
  handle: number;
  method: string;
  params: unknown[] | Record<string, unknown>;
  /** The result key to return, or -1 for the whole result. */
  outKey?: string | -1;
  delta?: boolean;
  /** Set when the request is sent; the same as the promise's `requestId`. */
  id?: number;
  /** Sends the request again through every interceptor (set once it was sent). */
  retry?: () => Promise<unknown>;
  /** Extra members go on the wire too (e.g. `return_empty`). */
  [member: string]: unknown;
}

/** What the session reads of a request once it was sent: where it went, the method and its params. */
export interface SentRequest {
  readonly handle: number;
  readonly method: string;
  readonly params: QixRequest['params'];
  /** The result key to return, or -1 for the whole result. */
  readonly outKey?: string | -1;
}

/** A promise of an engine call, carrying the id of its request (for `GetProgress`, `CancelRequest`). */
export type QixPromise<T> = Promise<T> & { requestId: number };
