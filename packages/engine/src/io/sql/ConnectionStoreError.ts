/** Why a connection cannot be created, changed or found. */
export type ConnectionStoreErrorCode =
  | 'CONNECTION_ALREADY_EXISTS'
  | 'CONNECTION_NOT_FOUND'
  | 'CONNECTION_NAME_INVALID'
  | 'CONNECTION_INVALID';

/** A connection request the store refuses; nothing stored changes. */
export class ConnectionStoreError extends Error {
  override readonly name = 'ConnectionStoreError';

  constructor(
    readonly code: ConnectionStoreErrorCode,
    message: string,
    readonly parameter: string,
  ) {
    super(message);
  }
}
