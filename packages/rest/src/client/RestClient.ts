import type { CallOptions, Operation, Paged, RestTransport } from '../core/Operation.js';
import type { Download } from '../core/Download.js';
import type { AuthContext, AuthProvider } from '../auth/AuthProvider.js';
import { toAuthProvider } from '../auth/toAuthProvider.js';
import { QlikAbortError } from '../errors/QlikAbortError.js';
import { QlikError } from '../errors/QlikError.js';
import { QlikNetworkError } from '../errors/QlikNetworkError.js';
import { readApiError } from '../errors/readApiError.js';
import { buildUrl, sameOriginUrl } from '../http/buildUrl.js';
import { resolveBaseUrl } from '../http/resolveBaseUrl.js';
import { parseRetryAfter } from '../limits/parseRetryAfter.js';
import type { RateLimitOptions } from '../limits/RateLimitOptions.js';
import { RateLimiter } from '../limits/RateLimiter.js';
import { walkPages } from '../paging/walkPages.js';
import { sleep } from '../retry/sleep.js';
import { attemptSignal } from './attemptSignal.js';
import { buildRequest } from './buildRequest.js';
import { CallAdmission } from './CallAdmission.js';
import type { ClientOptions } from './ClientOptions.js';
import { encodeRequestBody } from './encodeRequestBody.js';
import type { HookContext, Hooks } from './Hooks.js';
import type { AttemptOutcome, Counters, PreparedCall } from './PreparedCall.js';
import { readResult } from './readResult.js';
import { isRefusedRedirect, refusedRedirect } from './refusedRedirect.js';
import { requestHeaders } from './requestHeaders.js';
import { toLogger, type RequestLogEntry } from './RequestLog.js';
import { RetryPolicy } from './RetryPolicy.js';

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * The transport under every service: builds the request from an operation and
 * one argument object, authenticates it, waits for the rate limiter, sends it,
 * retries what is safe to retry, and reads the answer.
 */
export class RestClient implements RestTransport {
  readonly baseUrl: URL;
  /** The client-side rate limiter, e.g. to read `queueLength`. */
  readonly limiter: RateLimiter;
  readonly #fetch: typeof fetch;
  readonly #auth: AuthProvider;
  readonly #timeout: number;
  readonly #retry: RetryPolicy;
  readonly #rateLimitRetries: number;
  readonly #maxRetryAfterMs: number;
  readonly #defaultRetryAfterMs: number;
  readonly #hooks: Hooks;
  readonly #log: ((entry: RequestLogEntry) => void) | undefined;
  readonly #userAgent: string | undefined;
  readonly #admission: CallAdmission;
  /** Whether fetch here can upload a stream (Node); browsers get Blobs. */
  readonly #streamUploads: boolean;

  constructor(options: ClientOptions) {
    this.baseUrl = resolveBaseUrl(options.host);
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#auth = toAuthProvider(options.auth);
    this.#timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    this.#retry = new RetryPolicy(options.retry);
    const rateLimit: RateLimitOptions =
      options.rateLimit === false ? { enabled: false } : (options.rateLimit ?? {});
    this.limiter = new RateLimiter(rateLimit);
    this.#rateLimitRetries = rateLimit.maxRetries ?? 5;
    this.#maxRetryAfterMs = rateLimit.maxRetryAfterMs ?? 300_000;
    this.#defaultRetryAfterMs = rateLimit.defaultRetryAfterMs ?? 1_000;
    this.#hooks = options.hooks ?? {};
    this.#admission = new CallAdmission(this.limiter, rateLimit.maxConcurrency, this.#hooks);
    this.#log = toLogger(options.log);
    // Browsers refuse to let pages set User-Agent, and asking would force a CORS preflight.
    const inBrowser = typeof (globalThis as { document?: unknown }).document !== 'undefined';
    this.#userAgent = inBrowser ? undefined : (options.userAgent ?? 'qlikit-rest');
    this.#streamUploads = !inBrowser;
  }

  /** Sends one operation and reads its answer: parsed JSON, text, a `Download`, or undefined. */
  async request<T>(
    operation: Operation,
    args: object | undefined,
    options?: CallOptions,
  ): Promise<T> {
    const record = (args ?? {}) as Readonly<Record<string, unknown>>;
    const url = buildUrl(this.baseUrl, operation, record);
    return (await this.#call(operation, url, record, options)) as T;
  }

  /** Walks the pages of a list operation; see `Paged`. */
  paginate<TPage, TItem>(
    operation: Operation,
    args: object | undefined,
    options?: CallOptions,
  ): Paged<TPage, TItem> {
    const record = (args ?? {}) as Readonly<Record<string, unknown>>;
    return walkPages<TPage, TItem>(this.baseUrl, operation, record, (url) =>
      this.#call(operation, url, record, options),
    );
  }

  /** GETs any path or URL on the tenant (e.g. a `Location` header) as a binary `Download`. */
  async download(pathOrUrl: string, options?: CallOptions): Promise<Download> {
    const url = sameOriginUrl(this.baseUrl, pathOrUrl);
    const operation: Operation = {
      id: 'download',
      method: 'GET',
      path: url.pathname,
      response: 'binary',
      tier: '1',
      limit: 1000,
    };
    return (await this.#call(operation, url, {}, options)) as Download;
  }

  async #call(
    operation: Operation,
    url: URL,
    args: Readonly<Record<string, unknown>>,
    options: CallOptions | undefined,
  ): Promise<unknown> {
    const counters: Counters = { attempt: 0, retries: 0, rateLimited: 0, authRecovered: false };
    try {
      const call = await this.#prepare(operation, url, args, options);
      for (;;) {
        const outcome = await this.#attempt(call, counters);
        if (outcome.done) return outcome.value;
        if (outcome.reason === 'retry') {
          this.#hooks.onRetry?.({
            operation,
            attempt: counters.attempt,
            delayMs: outcome.delayMs,
            error: outcome.error as QlikError,
          });
        }
        counters.attempt += 1;
        if (outcome.delayMs > 0) await this.#sleep(call, outcome.delayMs);
      }
    } catch (error) {
      const failure = this.#toQlikError(error, operation, url);
      throw this.#hooks.onError?.(failure, { operation, attempt: counters.attempt }) ?? failure;
    }
  }

  async #prepare(
    operation: Operation,
    url: URL,
    args: Readonly<Record<string, unknown>>,
    options: CallOptions | undefined,
  ): Promise<PreparedCall> {
    const body = await encodeRequestBody(operation, args.body).catch((cause: unknown) => {
      if (cause instanceof QlikError) throw cause;
      throw new QlikError('INVALID_ARGUMENT', `${operation.id}: cannot read the request body`, {
        cause,
      });
    });
    const headers = requestHeaders(operation, args, body, options, this.#userAgent);
    return { operation, method: operation.method, url, headers, body, options };
  }

  async #attempt(call: PreparedCall, counters: Counters): Promise<AttemptOutcome> {
    const { operation, options } = call;
    const releaseSlot = await this.#admission.waitForTurn(call);
    const signal = attemptSignal(
      call.method,
      call.url.href,
      options?.timeout ?? this.#timeout,
      options?.signal,
    );
    const context: HookContext = { operation, attempt: counters.attempt };
    const startedAt = Date.now();
    let response: Response;
    let request: Request;
    let sentAuth: Readonly<Record<string, string>> = {};
    try {
      const built = await buildRequest(
        call,
        signal,
        this.#auth,
        this.#authContext(),
        this.#streamUploads,
      );
      sentAuth = built.auth;
      request = (await this.#hooks.beforeRequest?.(built.request, context)) ?? built.request;
      try {
        response = await this.#fetch(request);
      } catch (error) {
        releaseSlot();
        if (signal.signal.aborted) throw signal.signal.reason;
        if (isRefusedRedirect(error)) throw refusedRedirect(call, error);
        const failure = new QlikNetworkError(call.method, call.url.href, { cause: error });
        this.#logAttempt(call, counters, startedAt, undefined, failure.systemCode ?? failure.code);
        if (this.#retry.mayRetry(call, counters))
          return this.#retry.retryAfterBackoff(counters, failure);
        throw failure;
      }
      releaseSlot();
      response = (await this.#hooks.afterResponse?.(response, { ...context, request })) ?? response;
      this.#logAttempt(call, counters, startedAt, response.status);
      if (response.ok) {
        options?.onResponse?.({ status: response.status, headers: response.headers });
        return await this.#readSuccess(call, counters, response, signal.signal);
      }
      return await this.#handleFailure(call, counters, response, sentAuth);
    } catch (error) {
      throw signal.signal.aborted ? signal.signal.reason : error;
    } finally {
      releaseSlot();
      signal.release(operation.response === 'binary');
    }
  }

  // The answer's body can still be cut off: that is a network failure, retried like one.
  async #readSuccess(
    call: PreparedCall,
    counters: Counters,
    response: Response,
    signal: AbortSignal,
  ): Promise<AttemptOutcome> {
    try {
      return { done: true, value: await readResult(call.operation, response, call.options) };
    } catch (error) {
      if (signal.aborted || error instanceof QlikError) throw error;
      const failure = new QlikNetworkError(call.method, call.url.href, { cause: error });
      if (this.#retry.mayRetry(call, counters))
        return this.#retry.retryAfterBackoff(counters, failure);
      throw failure;
    }
  }

  async #handleFailure(
    call: PreparedCall,
    counters: Counters,
    response: Response,
    sentHeaders: Readonly<Record<string, string>>,
  ): Promise<AttemptOutcome> {
    const { operation } = call;
    const replayable = !call.body || call.body.source.replayable;
    if (response.status === 429) {
      const retryAfterMs =
        parseRetryAfter(response.headers.get('retry-after')) ?? this.#defaultRetryAfterMs;
      const bucket = this.limiter.bucketFor(operation);
      if (this.limiter.enabled) bucket.slowDown(retryAfterMs);
      this.#hooks.onRateLimited?.({
        operation,
        attempt: counters.attempt,
        retryAfterMs,
        limit: bucket.max,
      });
      if (
        replayable &&
        counters.rateLimited < this.#rateLimitRetries &&
        retryAfterMs <= this.#maxRetryAfterMs
      ) {
        counters.rateLimited += 1;
        await response.body?.cancel();
        return { done: false, reason: 'rate-limited', delayMs: retryAfterMs };
      }
    } else if (
      (response.status === 401 || response.status === 403) &&
      this.#auth.recover &&
      !counters.authRecovered &&
      replayable
    ) {
      counters.authRecovered = true;
      if (await this.#auth.recover({ response, sentHeaders }, this.#authContext())) {
        await response.body?.cancel();
        return { done: false, reason: 'auth', delayMs: 0 };
      }
    } else if (
      this.#retry.statuses.includes(response.status) &&
      this.#retry.mayRetry(call, counters)
    ) {
      const error = await readApiError(response, call.method, call.url.href);
      const serverWait = parseRetryAfter(response.headers.get('retry-after'));
      return this.#retry.retryAfterBackoff(counters, error, serverWait);
    }
    throw await readApiError(response, call.method, call.url.href);
  }

  async #sleep(call: PreparedCall, ms: number): Promise<void> {
    try {
      await sleep(ms, call.options?.signal);
    } catch (cause) {
      throw new QlikAbortError(call.method, call.url.href, { cause });
    }
  }

  #authContext(): AuthContext {
    return {
      baseUrl: this.baseUrl,
      fetch: this.#fetch,
      signal: this.#timeout > 0 ? AbortSignal.timeout(this.#timeout) : undefined,
    };
  }

  #logAttempt(
    call: PreparedCall,
    counters: Counters,
    startedAt: number,
    status: number | undefined,
    error?: string,
  ): void {
    this.#log?.({
      method: call.method,
      url: call.url.href,
      status,
      ms: Date.now() - startedAt,
      attempt: counters.attempt,
      error,
    });
  }

  // Network failures are classified where fetch fails; anything else unknown came from user code (hooks, callbacks).
  #toQlikError(error: unknown, operation: Operation, url: URL): QlikError {
    if (error instanceof QlikError) return error;
    return new QlikError('UNEXPECTED', `${operation.method} ${url.href} failed: ${String(error)}`, {
      cause: error,
    });
  }
}
