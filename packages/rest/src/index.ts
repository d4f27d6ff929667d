export { createClient, type QlikClient } from './client/createClient.js';
export { RestClient } from './client/RestClient.js';
export type { ClientOptions } from './client/ClientOptions.js';
export type {
  Hooks,
  HookContext,
  RetryEvent,
  RateLimitedEvent,
  QueuedEvent,
} from './client/Hooks.js';
export type { RequestLogEntry, RequestLogOption } from './client/RequestLog.js';

export type { Operation, CallOptions, Paged, RestTransport } from './core/Operation.js';
export type { ResponsePromise, WithResponse } from './core/ResponsePromise.js';
export { Download } from './core/Download.js';
export { downloadFromLocation, downloadUrl } from './core/downloadFromLocation.js';
export { findOperation } from './core/findOperation.js';
export { serviceOperations, serviceNames, type RestServices } from './generated/services/index.js';

export type {
  AuthProvider,
  AuthRequest,
  AuthContext,
  AuthFailure,
  AuthFunction,
  AuthOption,
} from './auth/AuthProvider.js';
export { apiKey } from './auth/apiKey.js';
export { accessToken, type TokenSource } from './auth/accessToken.js';
export {
  oauthClientCredentials,
  type OAuthClientCredentialsOptions,
} from './auth/oauthClientCredentials.js';
export { cookieSession, type CookieSessionOptions } from './auth/cookieSession.js';
export { customAuth } from './auth/customAuth.js';
export { combineAuth } from './auth/combineAuth.js';

export type { RateLimitOptions } from './limits/RateLimitOptions.js';
export { RateLimiter, budgetKey } from './limits/RateLimiter.js';
export { SlidingWindowLimiter, type ReleasePermit } from './limits/SlidingWindowLimiter.js';
export { ConcurrencyLimiter } from './limits/ConcurrencyLimiter.js';
export { parseRetryAfter } from './limits/parseRetryAfter.js';
export type { RetryOptions } from './retry/RetryOptions.js';

export type { FileInput, FilePath, NamedFile, ByteIterable } from './files/FileInput.js';
export type { MultipartFields, MultipartValue } from './files/multipartBody.js';

export { QlikError, type QlikClientErrorCode } from './errors/QlikError.js';
export { QlikApiError, type QlikErrorDetail } from './errors/QlikApiError.js';
export { QlikTimeoutError } from './errors/QlikTimeoutError.js';
export { QlikAbortError } from './errors/QlikAbortError.js';
export { QlikNetworkError } from './errors/QlikNetworkError.js';

export * from './resources/index.js';
