/** Events of an API object. */
export type ApiEvents = {
  /** The object's layout is invalid: fetch it again. */
  changed: [];
  /** The handle is gone (closed by the engine, the session closed, or it could not be restored). */
  closed: [];
  'traffic:*': [direction: 'sent' | 'received', message: unknown];
  'traffic:sent': [message: unknown];
  'traffic:received': [message: unknown];
};
