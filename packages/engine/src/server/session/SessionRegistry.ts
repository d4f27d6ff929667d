import type { EngineUrl } from '../protocol/parseEngineUrl.js';
import type { RequestLimits } from '../protocol/RequestLimits.js';
import { EngineSession, type Identity, type SessionSocket } from './EngineSession.js';

/** Whether a socket started a new session or joined one still alive. */
export type SessionState = 'SESSION_CREATED' | 'SESSION_ATTACHED';

/**
 * The live sessions, keyed by user, app and identity. A session whose last
 * socket closes lives on for its URL's ttl so that a client can resume it.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, EngineSession>();
  private readonly expiry = new Map<string, NodeJS.Timeout>();

  constructor(private readonly limits: RequestLimits) {}

  /** Finds the session a new socket joins, creating it when none is alive; the caller adds the socket. */
  attach(url: EngineUrl, identity: Identity): { session: EngineSession; state: SessionState } {
    const key = JSON.stringify([identity.userId, url.appId ?? '', url.identity]);
    let session = this.sessions.get(key);
    let state: SessionState = 'SESSION_ATTACHED';
    if (!session) {
      session = new EngineSession(key, url, identity, this.limits);
      this.sessions.set(key, session);
      state = 'SESSION_CREATED';
    } else {
      // Same user: the newest socket's credential is the one to check from now on (an older one may be revoked).
      session.identity = identity;
    }
    this.cancelExpiry(key);
    return { session, state };
  }

  /** Detaches a socket; the session ends now, or after the ttl of the socket's URL. */
  detach(session: EngineSession, socket: SessionSocket, ttlSeconds: number): void {
    session.sockets.delete(socket);
    if (session.sockets.size > 0) return;
    if (ttlSeconds <= 0) {
      this.end(session);
      return;
    }
    const timer = setTimeout(() => this.end(session), ttlSeconds * 1000);
    timer.unref();
    this.expiry.set(session.key, timer);
  }

  /** Number of live sessions (attached or waiting out their ttl). */
  get size(): number {
    return this.sessions.size;
  }

  /** Ends every session. */
  endAll(): void {
    for (const session of [...this.sessions.values()]) this.end(session);
  }

  private end(session: EngineSession): void {
    this.cancelExpiry(session.key);
    if (this.sessions.get(session.key) === session) this.sessions.delete(session.key);
    session.dispose();
  }

  private cancelExpiry(key: string): void {
    const timer = this.expiry.get(key);
    if (timer) clearTimeout(timer);
    this.expiry.delete(key);
  }
}
