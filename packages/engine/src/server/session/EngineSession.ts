import type { SessionView } from '../../app/SessionView.js';
import type { AppAction } from '../access/appAccess.js';
import type { EngineUrl } from '../protocol/parseEngineUrl.js';
import type { RequestLimits } from '../protocol/RequestLimits.js';
import { HandleTable, type HandleEntry } from './HandleTable.js';

const NOTHING_PENDING: { change?: number[]; close?: number[] } = Object.freeze({});

/** Who is connected, as the authenticate hook says. */
export interface Identity {
  readonly userId: string;
  /** Anything else the hook wants the methods to see (groups, tenant, ...). */
  readonly attributes?: Readonly<Record<string, unknown>>;
  /**
   * Whether this user may do `action` to an app, asked at each call (a host's
   * grants change while a socket is open); absent, everything is allowed.
   * Refusals answer LOCERR_GENERIC_ACCESS_DENIED.
   */
  readonly may?: (action: AppAction, appId: string) => boolean;
}

/** What a session needs from a socket: send a message, close it. */
export interface SessionSocket {
  send(message: object): void;
  close(code: number, reason: string): void;
}

/**
 * One engine session: a user's view of at most one app, with its handles. It
 * may outlive its socket for the URL's ttl, and several sockets may share it,
 * as Qlik's sessions do (same user, app and identity).
 */
export class EngineSession implements SessionView {
  readonly handles = new HandleTable();
  readonly sockets = new Set<SessionSocket>();
  /** The open doc of this session (set by OpenDoc and friends), typed by the app layer. */
  doc: unknown = null;
  /** Handles to report in `change` with the next answer. */
  private readonly pendingChange = new Set<number>();
  /** Handles to report in `close` with the next answer. */
  private readonly pendingClose = new Set<number>();
  /** Whether each set holds a handle (written wherever the sets change, so read without them). */
  private changePending = false;
  private closePending = false;
  private disposers: Array<() => void> = [];
  /** Requests under way, by JSON-RPC id, so that CancelRequest/AbortRequest can reach them. */
  readonly inflight = new Map<string, { abort(): void }>();

  constructor(
    readonly key: string,
    readonly url: EngineUrl,
    /** Who is connected, as the latest socket to join proved it (its credential is the live one). */
    public identity: Identity,
    /** What requests of this session may send. */
    readonly limits: RequestLimits,
  ) {}

  /** Marks the matching handles' layouts invalid; those read since their last change are reported. */
  invalidate(predicate: (entry: HandleEntry) => boolean): void {
    this.handles.invalidateWhere(predicate, this.pendingChange);
    this.changePending = this.pendingChange.size > 0;
  }

  /** Closes the matching handles; they are reported in `close`. */
  closeHandles(predicate: (entry: HandleEntry) => boolean): void {
    for (const handle of this.handles.closeWhere(predicate)) {
      this.pendingChange.delete(handle);
      this.pendingClose.add(handle);
    }
    this.changePending = this.pendingChange.size > 0;
    this.closePending = this.pendingClose.size > 0;
  }

  /** Takes the pending `change`/`close` lists, to put on an answer or push. */
  takeNotifications(): { change?: number[]; close?: number[] } {
    // Most answers have nothing to report: known from this object, without the two sets (cold
    // memory in a busy server); and clearing a Set allocates a new table: only clear what holds something.
    if (!this.changePending && !this.closePending) return NOTHING_PENDING;
    const out: { change?: number[]; close?: number[] } = {};
    if (this.changePending) {
      out.change = [...this.pendingChange];
      this.pendingChange.clear();
    }
    if (this.closePending) {
      out.close = [...this.pendingClose];
      this.pendingClose.clear();
    }
    this.changePending = false;
    this.closePending = false;
    return out;
  }

  /** Pushes pending `change`/`close` lists to every socket in a message without id. */
  flushNotifications(): void {
    const notifications = this.takeNotifications();
    if (!notifications.change && !notifications.close) return;
    for (const socket of this.sockets) socket.send({ jsonrpc: '2.0', ...notifications });
  }

  /** Aborts one request under way. */
  cancel(requestId: string): void {
    this.inflight.get(requestId)?.abort();
  }

  /** Aborts every request under way. */
  cancelAll(): void {
    for (const controller of this.inflight.values()) controller.abort();
  }

  /** Runs `dispose` when the session ends (e.g. to release the open doc). */
  onDispose(dispose: () => void): void {
    this.disposers.push(dispose);
  }

  /** Ends the session: runs its disposers once. */
  dispose(): void {
    this.cancelAll();
    const disposers = this.disposers;
    this.disposers = [];
    for (const dispose of disposers) dispose();
  }
}
