import type { AuthOption } from '../auth/AuthProvider.js';
import type { RateLimitOptions } from '../limits/RateLimitOptions.js';
import type { RetryOptions } from '../retry/RetryOptions.js';
import type { Hooks } from './Hooks.js';
import type { RequestLogOption } from './RequestLog.js';

/** Everything `createClient` can be told. Only `host` is required. */
export interface ClientOptions {
  /** The tenant, `tenant.eu.qlikcloud.com`, or a full URL such as `http://127.0.0.1:8080`. */
  readonly host: string;
  /** API key string, an auth provider (`oauthClientCredentials(...)`, `cookieSession(...)`...) or a headers function. */
  readonly auth?: AuthOption;
  /** fetch implementation (default: the global one). */
  readonly fetch?: typeof fetch;
  /** Default per-attempt timeout in ms without progress, until the response (and for JSON, its body) is in; each chunk of a streamed upload is progress (default 60 000; 0 = none). */
  readonly timeout?: number;
  /** Retry policy for network errors and 5xx, or false for none. */
  readonly retry?: RetryOptions | false;
  /** Client-side rate limiting, or false to turn it off. */
  readonly rateLimit?: RateLimitOptions | false;
  readonly hooks?: Hooks;
  /** Log method, URL, status and duration of every request. */
  readonly log?: RequestLogOption;
  /** User-Agent sent outside browsers (default `qlikit-rest`). */
  readonly userAgent?: string;
}
