import type { SocketCloseEvent } from '../transport/SocketLike.js';

/** Why and how a session was suspended. */
export interface SuspendedEvent {
  readonly initiator: 'manual' | 'network';
  readonly code: number;
  readonly reason: string;
}

/** One automatic reconnect attempt about to start. */
export interface ReconnectingEvent {
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** Milliseconds waited before this attempt. */
  readonly delay: number;
  /** Why the previous attempt failed (undefined before the first). */
  readonly error?: unknown;
}

/** Events of a session. `notification:<Method>` gets the notification's params. */
export type SessionEvents = {
  opened: [];
  closed: [event: SocketCloseEvent];
  suspended: [event: SuspendedEvent];
  resumed: [];
  reconnecting: [event: ReconnectingEvent];
  reconnected: [event: { readonly attempts: number }];
  'socket-error': [event: unknown];
  'notification:*': [method: string, params: unknown];
  'traffic:*': [direction: 'sent' | 'received', message: unknown];
  'traffic:sent': [message: unknown];
  'traffic:received': [message: unknown];
  [notification: `notification:${string}`]: unknown[];
};
