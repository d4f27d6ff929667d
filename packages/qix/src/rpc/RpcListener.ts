import type { SocketCloseEvent } from '../transport/SocketLike.js';
import type { JsonRpcMessage } from './JsonRpcMessage.js';
import type { PendingCall } from './PendingCall.js';

/** Receives what happens on an {@link RpcConnection}. */
export interface RpcListener<C extends PendingCall> {
  /** A frame arrived; `call` is the outstanding call it answers, if any. */
  onMessage(message: JsonRpcMessage, call: C | undefined): void;
  /** The socket closed; `calls` were still outstanding; `initiatedLocally` tells whether `close()` did it. */
  onClose(event: SocketCloseEvent, calls: C[], initiatedLocally: boolean): void;
  /** The socket reported an error after it opened. */
  onSocketError(event: unknown, calls: C[]): void;
}
