/** Machine-readable reasons a data connection or its SQL fails. */
export type DataConnectionErrorCode =
  /** No connection has the name a `LIB CONNECT TO` gives. */
  | 'SCRIPT_CONNECTION_NOT_FOUND'
  /** The database could not be reached or opened, or refused the credentials. */
  | 'SCRIPT_CONNECTION_FAILED'
  /** The database rejected a statement. */
  | 'SCRIPT_SQL_ERROR';

/** A data connection could not be opened or its SQL failed; `connection` names it. */
export class DataConnectionError extends Error {
  override readonly name = 'DataConnectionError';

  constructor(
    readonly code: DataConnectionErrorCode,
    message: string,
    readonly connection: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The database rejected a statement. */
export function sqlError(connection: string, cause: unknown): DataConnectionError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new DataConnectionError(
    'SCRIPT_SQL_ERROR',
    `SQL error on connection '${connection}': ${reason}`,
    connection,
    { cause },
  );
}

/** The database could not be opened or reached. */
export function connectionFailed(
  connection: string,
  database: string,
  cause: unknown,
): DataConnectionError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new DataConnectionError(
    'SCRIPT_CONNECTION_FAILED',
    `Cannot connect to the ${database} database of connection '${connection}': ${reason}`,
    connection,
    { cause },
  );
}
