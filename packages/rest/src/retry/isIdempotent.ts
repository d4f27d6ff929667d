import type { CallOptions, Operation } from '../core/Operation.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/** Tells whether a failed call may be sent again without risk of doing its work twice. */
export function isIdempotent(operation: Operation, options: CallOptions | undefined): boolean {
  if (options?.retry !== undefined) return options.retry;
  return SAFE_METHODS.has(operation.method) || operation.idempotent === true;
}
