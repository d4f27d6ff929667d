import type { CallOptions, Operation } from '../core/Operation.js';
import type { EncodedBody } from './encodeRequestBody.js';

/**
 * The headers that stay the same on every attempt of a call: accept, user
 * agent, body type and length, header parameters, then the call's own headers.
 */
export function requestHeaders(
  operation: Operation,
  args: Readonly<Record<string, unknown>>,
  body: EncodedBody | undefined,
  options: CallOptions | undefined,
  userAgent: string | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {
    accept: operation.response === 'json' ? 'application/json' : '*/*',
  };
  if (userAgent) headers['user-agent'] = userAgent;
  if (body) headers['content-type'] = body.contentType;
  // Streams of known size announce it, so servers that need a length (and progress bars) get one.
  if (body && body.source.length !== undefined)
    headers['content-length'] = String(body.source.length);
  for (const [name, header] of Object.entries(operation.headerParams ?? {})) {
    const value = args[name];
    if (value !== undefined && value !== null) headers[header.toLowerCase()] = String(value);
  }
  for (const [name, value] of Object.entries(options?.headers ?? {}))
    headers[name.toLowerCase()] = value;
  return headers;
}
