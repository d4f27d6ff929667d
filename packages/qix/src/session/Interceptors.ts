import type { QixRequest } from './QixRequest.js';

/** Changes a request before it is sent. Runs after the built-in delta interceptor. */
export interface RequestInterceptor<TSession = unknown> {
  onFulfilled(session: TSession, request: QixRequest): QixRequest | Promise<QixRequest>;
}

/**
 * Sees each response after errors were raised, deltas applied and the result
 * unwrapped, before `{qHandle, qType}` becomes an API object. Use
 * `request.retry()` to send the request again (e.g. on engine error 15).
 */
export interface ResponseInterceptor<TSession = unknown> {
  onFulfilled?(session: TSession, request: QixRequest, result: unknown): unknown;
  onRejected?(session: TSession, request: QixRequest, error: unknown): unknown;
}
