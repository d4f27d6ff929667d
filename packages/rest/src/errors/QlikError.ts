/** Machine-readable codes of the errors the client raises itself (API errors carry the server's code). */
export type QlikClientErrorCode =
  | 'TIMEOUT'
  | 'ABORTED'
  | 'NETWORK'
  | 'INVALID_ARGUMENT'
  | 'AUTH_FAILED'
  | 'BAD_RESPONSE'
  | 'UNEXPECTED_REDIRECT'
  | 'UNEXPECTED';

/** Base class of every error thrown by `@qlikit/rest`, so callers can catch them all with one `instanceof`. */
export class QlikError extends Error {
  /** Machine-readable code: a client code such as 'TIMEOUT', or the server's first error code such as 'APP-1'. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
