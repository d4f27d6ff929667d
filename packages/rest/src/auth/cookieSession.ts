import type { AuthContext, AuthFailure, AuthProvider } from './AuthProvider.js';
import { singleFlight } from './singleFlight.js';
import { QlikError } from '../errors/QlikError.js';

/** Settings of a browser session authenticated by the tenant's cookie. */
export interface CookieSessionOptions {
  /** The tenant's web integration id, sent as `qlik-web-integration-id`. */
  readonly webIntegrationId: string;
  /** Fetch and send the CSRF token (default true). */
  readonly csrf?: boolean;
}

const CSRF_HEADER = 'qlik-csrf-token';

/**
 * Authenticates a browser page through the session cookie: requests carry
 * credentials and the web integration id, and the CSRF token from
 * `GET /api/v1/csrf-token` — fetched once, renewed when a 401/403 names it.
 */
export function cookieSession(options: CookieSessionOptions): AuthProvider {
  if (!options.webIntegrationId) {
    throw new QlikError('INVALID_ARGUMENT', 'cookieSession: webIntegrationId is required');
  }
  const base = { 'qlik-web-integration-id': options.webIntegrationId };
  let token: string | undefined;
  let context: AuthContext | undefined;
  const renew = singleFlight(async () => {
    token = await fetchCsrfToken(context as AuthContext, base);
    return token;
  });

  return {
    credentials: 'include',
    headers: async (_request, ctx) => {
      if (options.csrf === false) return base;
      context = ctx;
      return { ...base, [CSRF_HEADER]: token ?? (await renew()) };
    },
    recover: async (failure, ctx) => {
      if (options.csrf === false || !(await blamesCsrf(failure))) return false;
      context = ctx;
      if (token === failure.sentHeaders[CSRF_HEADER]) await renew();
      return true;
    },
  };
}

async function fetchCsrfToken(
  context: AuthContext,
  headers: Record<string, string>,
): Promise<string> {
  const url = new URL('/api/v1/csrf-token', context.baseUrl);
  let response: Response;
  try {
    response = await context.fetch(url, {
      headers,
      credentials: 'include',
      signal: context.signal,
    });
  } catch (cause) {
    throw new QlikError('AUTH_FAILED', 'CSRF token request failed', { cause });
  }
  await response.body?.cancel();
  const token = response.headers.get(CSRF_HEADER);
  if (!response.ok || !token) {
    throw new QlikError(
      'AUTH_FAILED',
      `CSRF token request answered ${response.status} without a token`,
    );
  }
  return token;
}

// A 403 is usually a missing permission; only one that mentions CSRF is worth a new token.
async function blamesCsrf({ response }: AuthFailure): Promise<boolean> {
  if (response.status !== 401 && response.status !== 403) return false;
  if (response.headers.has(CSRF_HEADER)) return true;
  const text = await response
    .clone()
    .text()
    .catch(() => '');
  return /csrf/i.test(text);
}
