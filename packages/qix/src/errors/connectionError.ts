import type { ErrorCode } from './errorCodes.js';
import { QixError } from './QixError.js';

/**
 * An error about the socket or the session's connection. The socket event
 * behind it is its `cause` and, under enigma.js's name, its `original`.
 */
export function connectionError(code: ErrorCode, message: string, event: unknown): QixError {
  return new QixError(code, message, { cause: event, original: event });
}
