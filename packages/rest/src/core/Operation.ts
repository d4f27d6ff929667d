/**
 * What the generated service modules know of one REST operation, taken from
 * its OpenAPI spec. The client core turns an operation plus one argument
 * object into an HTTP request.
 */
export interface Operation {
  /** The spec's operationId. */
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  /** Absolute path template, e.g. '/api/v1/apps/{appId}'. */
  readonly path: string;
  /** Argument names that fill `{...}` in the path. */
  readonly pathParams?: readonly string[];
  /** Argument names sent in the query string. */
  readonly queryParams?: readonly string[];
  /**
   * Query parameters whose arrays are sent as one joined value (`explode: false`
   * in the spec): 'comma' for `style: form`, 'space' for `spaceDelimited`, 'pipe'
   * for `pipeDelimited`. Arrays of every other parameter repeat the parameter.
   */
  readonly queryStyles?: Readonly<Record<string, 'comma' | 'space' | 'pipe'>>;
  /** Argument names sent as headers (argument name → header name). */
  readonly headerParams?: Readonly<Record<string, string>>;
  /** How the request body is sent, from the argument `body`; absent when there is none. */
  readonly body?: 'json' | 'binary' | 'multipart' | 'form' | 'text';
  /** Content-Type of the body when it is not the default of its kind (e.g. 'application/json-patch+json'). */
  readonly contentType?: string;
  /** How the success response is read. */
  readonly response: 'json' | 'binary' | 'text' | 'empty';
  /** Rate-limit tier name from `x-qlik-tier` ('tier1', 'tier2', 'special'). */
  readonly tier: string;
  /** Requests per minute per user from `x-qlik-tier`. */
  readonly limit: number;
  /**
   * Set when the operation returns pages: how the next page is found.
   * 'links': GET `links.next.href` as is. 'cursor': call the operation again with
   * its arguments plus the cursor (read from `links.next.href`'s query, or a
   * top-level/`meta` `next` string) in the query parameter `cursorParam`.
   */
  readonly paging?: 'links' | 'cursor';
  /** Query parameter carrying the cursor when `paging` is 'cursor' (default 'next'; Qlik also uses 'cursor' and 'page'). */
  readonly cursorParam?: string;
  /**
   * Marks a POST/PATCH as safe to repeat, so network errors and 5xx are retried
   * (GET, HEAD, PUT and DELETE always are). Callers can also set `CallOptions.retry`.
   */
  readonly idempotent?: boolean;
}

/** Options every call accepts besides its arguments. */
export interface CallOptions {
  readonly signal?: AbortSignal;
  /** Milliseconds without progress before an attempt is aborted with a timeout error (see `ClientOptions.timeout`). */
  readonly timeout?: number;
  /** Extra headers for this call. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Called as an upload or download moves: bytes so far, and the total when known. */
  readonly onProgress?: (progress: { readonly loaded: number; readonly total?: number }) => void;
  /**
   * Called with the status and headers of the successful response, before its body
   * is read: how a caller reads `Location` from a 201 (e.g. app export).
   */
  readonly onResponse?: (response: { readonly status: number; readonly headers: Headers }) => void;
  /** Overrides retrying for this call: `false` never retries, `true` retries even a POST. */
  readonly retry?: boolean;
}

/**
 * The result of a list operation: await it for the first page, iterate it for
 * every item of every page (following the next links, one page in memory).
 */
export interface Paged<TPage, TItem> extends PromiseLike<TPage>, AsyncIterable<TItem> {
  /** Every page, one at a time. */
  pages(): AsyncIterable<TPage>;
  /** Every item of every page, collected into one array. */
  all(): Promise<TItem[]>;
}

/** What a generated service needs from the client: send one operation, or walk its pages. */
export interface RestTransport {
  request<T>(operation: Operation, args: object | undefined, options?: CallOptions): Promise<T>;
  paginate<TPage, TItem>(
    operation: Operation,
    args: object | undefined,
    options?: CallOptions,
  ): Paged<TPage, TItem>;
}
