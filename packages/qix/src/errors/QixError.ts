import type { ErrorCode } from './errorCodes.js';

/** Extra details of a {@link QixError}. */
export interface QixErrorDetails {
  /** What caused it (a socket event, an engine error, an abort reason). */
  readonly cause?: unknown;
  /** The socket event behind the error, kept under enigma.js's name. */
  readonly original?: unknown;
}

/** An error raised by the client itself (not by the engine); `code` is one of `errorCodes`. */
export class QixError extends Error {
  override readonly name = 'QixError';
  /** Always true, so enigma.js programs that test `err.enigmaError` keep working. */
  readonly enigmaError = true;
  readonly original: unknown;

  constructor(
    readonly code: ErrorCode,
    message: string,
    details: QixErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.original = details.original;
  }
}
