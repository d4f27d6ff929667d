import type { FastifyInstance } from 'fastify';
import { TRACE_HEADER } from './traceId.js';

const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'qlik-csrf-token',
  'qlik-web-integration-id',
  TRACE_HEADER,
];
// What a page of another origin must be able to read: the CSRF token above all.
const EXPOSED_HEADERS = ['qlik-csrf-token', 'location', 'retry-after', TRACE_HEADER];

/**
 * CORS for pages of the allowed origins (a mashup on another port): their
 * requests may carry the session cookie (credentials), the CSRF token and
 * the web integration id, and read the `qlik-csrf-token` header; a preflight
 * answers 204. Requests from any other origin get no CORS headers, so the
 * browser keeps their answers from the page.
 */
export function allowOrigins(fastify: FastifyInstance, origins: readonly string[]): void {
  if (origins.length === 0) return;
  const allowed = originSet(origins);
  fastify.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (typeof origin !== 'string' || !allowed.has(origin)) return;
    void reply
      .header('access-control-allow-origin', origin)
      .header('access-control-allow-credentials', 'true')
      .header('access-control-expose-headers', EXPOSED_HEADERS.join(', '))
      .header('vary', 'Origin');
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      return reply
        .header('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS')
        .header('access-control-allow-headers', ALLOWED_HEADERS.join(', '))
        .header('access-control-max-age', '600')
        .code(204)
        .send();
    }
  });
}

/** Configured origins as browsers send them in `Origin` (scheme, host, port; no path). */
export function originSet(origins: readonly string[]): ReadonlySet<string> {
  return new Set(origins.map((origin) => new URL(origin).origin));
}
