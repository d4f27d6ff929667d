/** The request an auth provider is asked to authenticate. */
export interface AuthRequest {
  readonly method: string;
  readonly url: URL;
}

/** What a provider may use besides the request: the tenant's origin and the client's fetch. */
export interface AuthContext {
  readonly baseUrl: URL;
  readonly fetch: typeof fetch;
  readonly signal?: AbortSignal;
}

/** A 401/403 answer, with the auth headers the failed request carried. */
export interface AuthFailure {
  readonly response: Response;
  readonly sentHeaders: Readonly<Record<string, string>>;
}

/**
 * How requests are authenticated. Only `headers` is required; the client calls
 * `recover` on a 401/403 and sends the request once more when it resolves true.
 */
export interface AuthProvider {
  /** Headers to add to one request. */
  headers(
    request: AuthRequest,
    context: AuthContext,
  ): Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>;
  /** fetch `credentials` mode for every request, e.g. 'include' for browser cookie sessions. */
  readonly credentials?: RequestCredentials;
  /** Renews what the failure says is stale; resolves true when sending again may succeed. */
  recover?(failure: AuthFailure, context: AuthContext): Promise<boolean>;
}

/** A provider written as one function: request in, headers out. */
export type AuthFunction = (
  request: AuthRequest,
) => Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>;

/** What `createClient({ auth })` accepts: a provider, a function, or an API key string. */
export type AuthOption = AuthProvider | AuthFunction | string;
