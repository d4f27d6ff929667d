import type { AppAction, Authenticate, Identity } from '@qlikit/engine';
import type { Principal } from '../auth/Principal.js';
import type { AccessPolicy } from '../access/AccessPolicy.js';
import type { Authenticator } from '../auth/Authenticator.js';
import { ApiError } from '../server/ApiError.js';
import { originSet } from '../server/corsHook.js';
import type { Storage } from '../storage/Storage.js';

/** What the tenant tells the engine about who opened a socket (Section Access reads these). */
export interface TenantIdentityAttributes {
  readonly subject: string;
  readonly name: string;
  readonly email: string | null;
  readonly groups: readonly string[];
  readonly tenantId: string;
}

/**
 * The engine socket's authentication: the same credentials as REST (a Bearer
 * key or token on the upgrade, or the session cookie with the CSRF token as a
 * `qlik-csrf-token` query parameter, as browsers must send it) from a page of
 * the tenant's own origin or a configured one (`corsOrigins`), then the space
 * role that opening the app needs. Paths other than `/app/...` are 404.
 */
export function engineAuthenticate(
  authenticator: Authenticator,
  policy: AccessPolicy,
  storage: Storage,
  tenantId: string,
  corsOrigins: readonly string[] = [],
): Authenticate {
  const allowed = originSet(corsOrigins);
  return (request) => {
    // A WebSocket is not subject to CORS: the origins that may call the API are the ones that may open the engine.
    const origin = request.headers.origin;
    if (origin !== undefined && !sameOrigin(origin, request.headers.host) && !allowed.has(origin))
      throw ApiError.forbidden(`Origin ${origin} may not open the engine socket`);
    const url = new URL(request.url, 'http://tenant');
    const segments = url.pathname.split('/');
    if (segments[1] !== 'app') throw ApiError.notFound(`No engine endpoint at ${url.pathname}`);
    const authorization = request.headers.authorization;
    const principal = authenticator.authenticate({
      authorization: typeof authorization === 'string' ? authorization : undefined,
      cookie: request.headers.cookie,
      csrfToken: url.searchParams.get('qlik-csrf-token') ?? undefined,
      needsCsrf: true,
    });
    const appId = decodeURIComponent(segments[2] ?? '');
    if (appId !== '' && appId.toLowerCase() !== 'enginedata' && !appId.startsWith('SessionApp_')) {
      const app = storage.apps.get(appId);
      if (!app || !policy.canOpen(principal, app))
        throw ApiError.forbidden(`Not allowed to open app ${appId}`);
    }
    const groups = storage.groups.ofUser(principal.user.id).map((group) => group.name);
    const attributes: TenantIdentityAttributes = {
      subject: principal.user.subject,
      name: principal.user.name,
      email: principal.user.email,
      groups,
      tenantId,
    };
    const identity: Identity = {
      userId: principal.user.id,
      attributes: { ...attributes },
      may: (action, id) => mayOnEngine(principal, action, id, { authenticator, policy, storage }),
    };
    return identity;
  };
}

/**
 * What a socket's user may do to an app through the engine, decided at each
 * call from the credential (revoked: nothing) and, for opening, changing and
 * reloading, the space roles as they are now. Apps are created and deleted through REST only, so that each has
 * its owner, space and item; session apps are the session's own.
 */
function mayOnEngine(
  principal: Principal,
  action: AppAction,
  appId: string,
  deps: { authenticator: Authenticator; policy: AccessPolicy; storage: Storage },
): boolean {
  if (!deps.authenticator.isStillValid(principal)) return false;
  // Using the app it opened (every read and selection) needs only a live credential: its role was checked at open.
  if (action === 'use') return true;
  if (action === 'create' || action === 'delete') return false;
  if (appId.startsWith('SessionApp_')) return true;
  const app = deps.storage.apps.get(appId);
  if (!app) return false;
  if (action === 'open') return deps.policy.canOpen(principal, app);
  return (
    deps.policy.canOpen(principal, app) &&
    deps.policy.appPrivileges(principal, app).includes(action)
  );
}

/** Whether a page's origin is the tenant's own (the `Host` it addressed). */
function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}
