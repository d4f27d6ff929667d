import { randomBytes } from 'node:crypto';
import { CSRF_COOKIE, SESSION_COOKIE, signedCookie } from '../../auth/cookies.js';
import type { Principal } from '../../auth/Principal.js';
import type { TenantContext } from '../TenantContext.js';

/** How long a browser session lasts without being renewed. */
const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

/** Browser sessions: a signed `eas.sid` cookie and the CSRF token a page must echo. */
export class SessionService {
  constructor(private readonly context: TenantContext) {}

  /** Starts a session for the principal's user; returns the `Set-Cookie` values. */
  start(principal: Principal, secure: boolean): string[] {
    const created = new Date();
    const session = {
      id: randomBytes(24).toString('base64url'),
      userId: principal.user.id,
      csrfToken: randomBytes(24).toString('base64url'),
      createdAt: created.toISOString(),
      expiresAt: new Date(created.getTime() + SESSION_TTL_MS).toISOString(),
    };
    this.context.storage.sessions.prune();
    this.context.storage.sessions.create(session);
    const attributes = `Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
    const secret = this.context.cookieSecret;
    return [
      ...signedCookie(secret, SESSION_COOKIE, session.id, attributes),
      ...signedCookie(secret, CSRF_COOKIE, session.csrfToken, attributes),
    ];
  }

  /** The CSRF token of a session principal. */
  csrfToken(principal: Principal): string | undefined {
    if (principal.via !== 'session') return undefined;
    return this.context.storage.sessions.get(principal.credentialId)?.csrfToken;
  }
}
