/** What the RPC layer needs of an outstanding call: its id and the handle it was sent on. */
export interface PendingCall {
  readonly id: number;
  readonly handle: number;
}
