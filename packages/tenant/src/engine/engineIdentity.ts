import type { Authenticate, Identity } from '@qlikit/engine';
import type { AccessPolicy } from '../access/AccessPolicy.js';
import type { Authenticator } from '../auth/Authenticator.js';
import { ApiError } from '../server/ApiError.js';
import type { Storage } from '../storage/Storage.js';

/** What the tenant tells the engine about who opened a socket (Section Access reads these). */
export interface TenantIdentityAttributes {
  readonly subject: string;
  readonly name: string;
  readonly email: string | null;
  readonly groups: readonly string[];
  readonly tenantId: string;
  /** Whether this user may reload the app and change its stored content. */
  readonly canReload: boolean;
  readonly canUpdate: boolean;
}

/**
 * The engine socket's authentication: the same credentials as REST (a Bearer
 * key or token on the upgrade, or the session cookie with the CSRF token as a
 * `qlik-csrf-token` query parameter, as browsers must send it), then the
 * space role that opening the app needs. Paths other than `/app/...` are 404.
 */
export function engineAuthenticate(
  authenticator: Authenticator,
  policy: AccessPolicy,
  storage: Storage,
  tenantId: string,
): Authenticate {
  return (request) => {
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
    let canReload = true;
    let canUpdate = true;
    if (appId !== '' && appId.toLowerCase() !== 'enginedata' && !appId.startsWith('SessionApp_')) {
      const app = storage.apps.get(appId);
      if (!app || !policy.canOpen(principal, app))
        throw ApiError.forbidden(`Not allowed to open app ${appId}`);
      const privileges = policy.appPrivileges(principal, app);
      canReload = privileges.includes('reload');
      canUpdate = privileges.includes('update');
    }
    const groups = storage.groups.ofUser(principal.user.id).map((group) => group.name);
    const attributes: TenantIdentityAttributes = {
      subject: principal.user.subject,
      name: principal.user.name,
      email: principal.user.email,
      groups,
      tenantId,
      canReload,
      canUpdate,
    };
    const identity: Identity = { userId: principal.user.id, attributes: { ...attributes } };
    return identity;
  };
}
