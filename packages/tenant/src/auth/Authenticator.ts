import { ApiError } from '../server/ApiError.js';
import type { GroupsTable } from '../storage/GroupsTable.js';
import type { ApiKeysTable } from '../storage/ApiKeysTable.js';
import type { OAuthTokensTable } from '../storage/OAuthTokensTable.js';
import type { SessionsTable } from '../storage/SessionsTable.js';
import type { UserRow, UsersTable } from '../storage/UsersTable.js';
import { parseCookies, readSignedCookie, SESSION_COOKIE } from './cookies.js';
import type { CredentialKind, Principal } from './Principal.js';
import type { TokenSigner } from './TokenSigner.js';

/** Issuer claims of the tokens this tenant signs. */
export const API_KEY_ISSUER = 'qlik.api/api-keys';
export const OAUTH_ISSUER = 'qlik.api/oauth';
/** Audience of every token the REST API and the engine accept. */
export const API_AUDIENCE = 'qlik.api';

/** What a request or socket upgrade presents. */
export interface Credentials {
  readonly authorization?: string;
  readonly cookie?: string;
  /** The `qlik-csrf-token` header, or the socket URL's query parameter. */
  readonly csrfToken?: string;
  /** True when a cookie session must show its CSRF token (state-changing REST calls, engine sockets). */
  readonly needsCsrf: boolean;
}

/**
 * Turns credentials into a principal: a Bearer API key or OAuth token signed
 * by this tenant and not revoked, or a signed session cookie (with its CSRF
 * token where one is needed). Anything else is a 401.
 */
export class Authenticator {
  constructor(
    private readonly users: UsersTable,
    private readonly groups: GroupsTable,
    private readonly apiKeys: ApiKeysTable,
    private readonly sessions: SessionsTable,
    private readonly oauthTokens: OAuthTokensTable,
    private readonly signer: TokenSigner,
    private readonly cookieSecret: string,
  ) {}

  /** The principal of these credentials; throws a 401 (or a 403 for a missing CSRF token). */
  authenticate(credentials: Credentials): Principal {
    const bearer = /^Bearer\s+(\S+)$/i.exec(credentials.authorization ?? '')?.[1];
    if (bearer) return this.fromToken(bearer);
    if (credentials.authorization) throw ApiError.unauthorized('Unsupported Authorization scheme');
    const cookies = parseCookies(credentials.cookie);
    const sessionId = readSignedCookie(cookies, this.cookieSecret, SESSION_COOKIE);
    if (sessionId) return this.fromSession(sessionId, credentials);
    throw ApiError.unauthorized();
  }

  /** Whether the credential a principal came with still holds (a long-lived socket asks at each call). */
  isStillValid(principal: Principal): boolean {
    switch (principal.via) {
      case 'api-key': {
        const key = this.apiKeys.get(principal.credentialId);
        return (
          key?.status === 'active' &&
          (!key.expiresAt || key.expiresAt > new Date().toISOString()) &&
          this.users.get(principal.user.id)?.status === 'active'
        );
      }
      case 'oauth':
        return this.oauthTokens.isActive(principal.credentialId);
      case 'session':
        return this.sessions.get(principal.credentialId) !== undefined;
      case 'system':
        return true;
    }
  }

  /** The user a token this tenant signed speaks for, when the token is still valid. */
  private fromToken(token: string): Principal {
    const claims = this.signer.verify(token);
    if (!claims || claims.aud !== API_AUDIENCE)
      throw ApiError.unauthorized('Invalid or expired token');
    if (claims.iss === API_KEY_ISSUER) {
      const key = this.apiKeys.get(claims.jti);
      if (!key || key.status !== 'active' || key.userId !== claims.sub)
        throw ApiError.unauthorized('The API key has been revoked');
      if (key.expiresAt && key.expiresAt <= new Date().toISOString())
        throw ApiError.unauthorized('The API key has expired');
      return this.principal(claims.sub, 'api-key', claims.jti);
    }
    if (claims.iss === OAUTH_ISSUER && this.oauthTokens.isActive(claims.jti)) {
      return this.principal(claims.sub, 'oauth', claims.jti);
    }
    throw ApiError.unauthorized('Invalid or revoked token');
  }

  private fromSession(sessionId: string, credentials: Credentials): Principal {
    const session = this.sessions.get(sessionId);
    if (!session) throw ApiError.unauthorized('The session has expired');
    if (credentials.needsCsrf && credentials.csrfToken !== session.csrfToken) {
      throw ApiError.forbidden('Missing or invalid qlik-csrf-token', 'CSRF-TOKEN-2');
    }
    return this.principal(session.userId, 'session', session.id);
  }

  private principal(userId: string, via: CredentialKind, credentialId: string): Principal {
    const user = this.users.get(userId);
    if (!user || user.status !== 'active') throw ApiError.unauthorized('The user is not active');
    const groupIds = this.groups.ofUser(userId).map((group) => group.id);
    return principalOf(user, groupIds, via, credentialId);
  }
}

/** A principal for a user. */
export function principalOf(
  user: UserRow,
  groupIds: readonly string[],
  via: CredentialKind,
  credentialId: string,
): Principal {
  return { user, groupIds, via, credentialId, isAdmin: user.roles.includes('TenantAdmin') };
}
