import { QlikError } from '../errors/QlikError.js';
import type { PreparedCall } from './PreparedCall.js';

/** Whether fetch failed because the server redirected a request sent with `redirect: 'error'` (Node says so; browsers do not). */
export function isRefusedRedirect(error: unknown): boolean {
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  return cause instanceof Error && cause.message === 'unexpected redirect';
}

/** The error for a redirected upload, which is not followed. */
export function refusedRedirect(call: PreparedCall, cause: unknown): QlikError {
  return new QlikError(
    'UNEXPECTED_REDIRECT',
    `${call.method} ${call.url.href} answered with a redirect, which an upload does not follow (its body would have to be kept in memory): send it to the final URL`,
    { cause },
  );
}
