import type { JsonLimits } from './checkJsonLimits.js';

/** A handle as a doc session sees it: what it stands for. */
export interface HandleView {
  readonly type: string;
  readonly genericId: string;
}

/**
 * What a DocSession needs from the engine session it lives in: who it is, to
 * report handles changed or closed, to push those reports, and the limits on
 * client JSON. The server's EngineSession is one.
 */
export interface SessionView {
  /** Who the session is (SECTION ACCESS reduces data for the user and its groups). */
  readonly identity: {
    readonly userId: string;
    readonly attributes?: Readonly<Record<string, unknown>>;
  };
  readonly limits: JsonLimits;
  /** Marks the matching handles' layouts invalid; those read since their last change are reported. */
  invalidate(predicate: (entry: HandleView) => boolean): void;
  /** Closes the matching handles; they are reported in `close`. */
  closeHandles(predicate: (entry: HandleView) => boolean): void;
  /** Pushes pending `change`/`close` lists to the session's sockets. */
  flushNotifications(): void;
}
