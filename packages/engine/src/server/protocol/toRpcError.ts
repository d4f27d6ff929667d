import { EngineError } from '../../errors/EngineError.js';
import { LOCERR_NUMBERS } from '../../generated/locErr.js';
import { locErrOf } from './locErrOf.js';
import { RpcError } from './RpcError.js';

/** Called with an error no layer raised on purpose: a bug. */
export type OnInternalError = (error: unknown) => void;

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * What the client gets for anything a method threw: JSON-RPC errors as they
 * are, engine errors with the LOCERR of their code, an abort as
 * LOCERR_GENERIC_ABORTED, and anything else, a bug, as
 * LOCERR_GENERIC_INTERNAL_ERROR after `onInternalError` saw it.
 */
export function toRpcError(error: unknown, onInternalError: OnInternalError): RpcError {
  if (error instanceof RpcError) return error;
  if (isAbort(error))
    return new RpcError(LOCERR_NUMBERS.LOCERR_GENERIC_ABORTED, 'Request aborted', '', {
      cause: error,
    });
  if (error instanceof EngineError) {
    const code = locErrOf(error);
    if (code !== undefined)
      return new RpcError(code, error.message, error.parameter, { cause: error });
  }
  onInternalError(error);
  return new RpcError(
    LOCERR_NUMBERS.LOCERR_GENERIC_INTERNAL_ERROR,
    'Internal error: the engine failed to answer this request (it was logged)',
    '',
    { cause: error },
  );
}
