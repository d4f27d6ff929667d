import { cookieSession, RestClient } from '@qlikit/rest';

const CSRF_HEADER = 'qlik-csrf-token';
// The session cookie is HttpOnly: the page remembers that it signed in, so a
// first visit goes to the sign-in page without a request that must fail.
const SIGNED_IN = 'qlikit-hub:signed-in';

/** Why signing in failed, as the sign-in page says it. */
export class SignInError extends Error {
  override readonly name = 'SignInError';
  constructor(
    message: string,
    /** The HTTP status the tenant answered. */
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * The page's session on the tenant it is served by: the session cookie the
 * tenant sets when an API key signs in, REST calls that carry the CSRF token
 * (through `@qlikit/rest`'s cookie session), and engine socket URLs that
 * carry the web integration id and the CSRF token as Qlik Cloud asks.
 */
export class HubSession {
  /** REST client on the tenant (same origin). */
  readonly rest: RestClient;
  private csrf: string | undefined;

  constructor(
    /** The tenant's web integration id for this page. */
    readonly webIntegrationId: string,
    private readonly origin = location.origin,
  ) {
    this.rest = new RestClient({ host: origin, auth: cookieSession({ webIntegrationId }) });
  }

  /** Trades an API key for the tenant's session cookie (`POST /login/jwt-session`). */
  async signIn(apiKey: string): Promise<void> {
    const response = await fetch(new URL('/login/jwt-session', this.origin), {
      method: 'POST',
      credentials: 'include',
      headers: {
        authorization: `Bearer ${apiKey.trim()}`,
        'qlik-web-integration-id': this.webIntegrationId,
      },
    });
    if (!response.ok) throw new SignInError(await failureText(response), response.status);
    this.csrf = undefined;
    localStorage.setItem(SIGNED_IN, '1');
  }

  /** Whether the browser holds a live session: the tenant hands it a CSRF token. */
  async isSignedIn(): Promise<boolean> {
    if (localStorage.getItem(SIGNED_IN) !== '1') return false;
    try {
      await this.csrfToken(true);
      return true;
    } catch {
      localStorage.removeItem(SIGNED_IN);
      return false;
    }
  }

  /** The session's CSRF token (`GET /api/v1/csrf-token`), fetched once. */
  async csrfToken(renew = false): Promise<string> {
    if (this.csrf && !renew) return this.csrf;
    const response = await fetch(new URL('/api/v1/csrf-token', this.origin), {
      credentials: 'include',
      headers: { 'qlik-web-integration-id': this.webIntegrationId },
    });
    const token = response.headers.get(CSRF_HEADER);
    if (!response.ok || !token) throw new SignInError(await failureText(response), response.status);
    this.csrf = token;
    return token;
  }

  /** The engine socket URL of an app, authenticated by the cookie plus these query parameters. */
  async engineUrl(appId: string): Promise<string> {
    const url = new URL(`/app/${encodeURIComponent(appId)}`, this.origin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('qlik-web-integration-id', this.webIntegrationId);
    url.searchParams.set('qlik-csrf-token', await this.csrfToken());
    return url.toString();
  }
}

/** The human part of an error response: Qlik's `errors[0].title`, else the status text. */
async function failureText(response: Response): Promise<string> {
  const body = (await response.json().catch(() => undefined)) as
    { errors?: { title?: string; detail?: string }[] } | undefined;
  const error = body?.errors?.[0];
  return error?.detail || error?.title || `${response.status} ${response.statusText}`;
}
