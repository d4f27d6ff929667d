import type { AuthContext, AuthProvider } from './AuthProvider.js';
import { singleFlight } from './singleFlight.js';
import { QlikError } from '../errors/QlikError.js';
import { readApiError } from '../errors/readApiError.js';

/** Settings of an OAuth2 machine-to-machine client. */
export interface OAuthClientCredentialsOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Space-separated scopes; the tenant's defaults for the client when absent. */
  readonly scope?: string;
  /** Token endpoint, a path on the tenant or a full URL (default '/oauth/token'). */
  readonly tokenUrl?: string;
  /** Renew the token this long before it expires (default 60 s). */
  readonly refreshMarginMs?: number;
  /** How the token request body is encoded; Qlik accepts both (default 'json', as in Qlik's own examples). */
  readonly encoding?: 'json' | 'form';
  /** Clock, for tests. */
  readonly now?: () => number;
}

interface CachedToken {
  readonly header: string;
  readonly expiresAt: number;
}

/**
 * Authenticates with OAuth2 client credentials: fetches a token from
 * `/oauth/token`, caches it, renews it before it expires, and never has more
 * than one token request in flight. A 401 renews the token and retries once.
 */
export function oauthClientCredentials(options: OAuthClientCredentialsOptions): AuthProvider {
  if (!options.clientId || !options.clientSecret) {
    throw new QlikError(
      'INVALID_ARGUMENT',
      'oauthClientCredentials: clientId and clientSecret are required',
    );
  }
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginMs ?? 60_000;
  let cached: CachedToken | undefined;
  let context: AuthContext | undefined;

  const refresh = singleFlight(async () => {
    cached = await requestToken(options, context as AuthContext, now);
    return cached;
  });
  const token = async (ctx: AuthContext) => {
    context = ctx;
    if (cached && now() < cached.expiresAt - margin) return cached;
    return refresh();
  };

  return {
    headers: async (_request, ctx) => ({ authorization: (await token(ctx)).header }),
    recover: async ({ response, sentHeaders }, ctx) => {
      if (response.status !== 401) return false;
      context = ctx;
      // Only the first of many concurrent 401s needs a new token; the rest just resend with it.
      if (!cached || cached.header === sentHeaders.authorization) await refresh();
      return true;
    },
  };
}

async function requestToken(
  options: OAuthClientCredentialsOptions,
  context: AuthContext,
  now: () => number,
): Promise<CachedToken> {
  const url = new URL(options.tokenUrl ?? '/oauth/token', context.baseUrl);
  const fields: Record<string, string> = {
    grant_type: 'client_credentials',
    client_id: options.clientId,
    client_secret: options.clientSecret,
    ...(options.scope ? { scope: options.scope } : {}),
  };
  const form = options.encoding === 'form';
  const startedAt = now();
  let response: Response;
  try {
    response = await context.fetch(url, {
      method: 'POST',
      headers: {
        'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
        accept: 'application/json',
      },
      body: form ? new URLSearchParams(fields).toString() : JSON.stringify(fields),
      signal: context.signal,
    });
  } catch (cause) {
    throw new QlikError(
      'AUTH_FAILED',
      `OAuth token request to ${url.origin}${url.pathname} failed`,
      { cause },
    );
  }
  if (!response.ok) {
    const apiError = await readApiError(response, 'POST', `${url.origin}${url.pathname}`);
    throw new QlikError('AUTH_FAILED', `OAuth token request was refused: ${apiError.message}`, {
      cause: apiError,
    });
  }
  const body = (await response.json()) as {
    access_token?: unknown;
    token_type?: unknown;
    expires_in?: unknown;
  };
  if (typeof body.access_token !== 'string' || body.access_token === '') {
    throw new QlikError('AUTH_FAILED', 'OAuth token response has no access_token');
  }
  const type = typeof body.token_type === 'string' && body.token_type ? body.token_type : 'Bearer';
  const lifetimeSeconds = typeof body.expires_in === 'number' ? body.expires_in : 3600;
  return {
    header: `${/^bearer$/i.test(type) ? 'Bearer' : type} ${body.access_token}`,
    expiresAt: startedAt + lifetimeSeconds * 1000,
  };
}
