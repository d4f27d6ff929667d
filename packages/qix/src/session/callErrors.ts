import { connectionError } from '../errors/connectionError.js';
import { errorCodes } from '../errors/errorCodes.js';
import { QixError } from '../errors/QixError.js';
import type { SocketCloseEvent } from '../transport/SocketLike.js';
import type { QixPromise } from './QixRequest.js';

/** A call failed because its AbortSignal fired. */
export function abortError(method: string, id: number, signal: AbortSignal): QixError {
  return new QixError(errorCodes.REQUEST_ABORTED, `${method} was aborted (request ${id})`, {
    cause: signal.reason,
  });
}

/** A call got no answer within its timeout. */
export function timeoutError(method: string, id: number, timeout: number): QixError {
  return new QixError(
    errorCodes.REQUEST_TIMEOUT,
    `${method} got no answer within ${timeout} ms (request ${id})`,
  );
}

/** A call made while the session is suspended (-11); `closeEvent` is the last socket's. */
export function suspendedError(closeEvent: SocketCloseEvent | undefined): QixError {
  return connectionError(errorCodes.SESSION_SUSPENDED, 'Session suspended', closeEvent);
}

/** A call made while no socket is open (-1); `closeEvent` is the last socket's. */
export function notConnectedError(closeEvent: SocketCloseEvent | undefined): QixError {
  return connectionError(errorCodes.NOT_CONNECTED, 'Not connected', closeEvent);
}

/** Tags a promise with the id of its request, as enigma.js does. */
export function withRequestId<T>(promise: Promise<T>, requestId: number): QixPromise<T> {
  const tagged = promise as QixPromise<T>;
  tagged.requestId = requestId;
  return tagged;
}
