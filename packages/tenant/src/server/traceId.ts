import { randomBytes } from 'node:crypto';

/** The response header that carries a request's trace id, as Qlik Cloud's B3 tracing sends it. */
export const TRACE_HEADER = 'x-b3-traceid';

const HEX_ID = /^[0-9a-f]{16}$|^[0-9a-f]{32}$/;

/** The caller's trace id when it sent a valid one, else a new 128-bit one. */
export function traceIdFor(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && HEX_ID.test(given) ? given : randomBytes(16).toString('hex');
}
