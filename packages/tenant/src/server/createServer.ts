import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { ApiError } from './ApiError.js';
import { buildValidator } from './requestValidator.js';
import { TRACE_HEADER, traceIdFor } from './traceId.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's trace id, echoed in the trace header and in error bodies. */
    traceId: string;
  }
}

/** How the HTTP server is built. */
export interface ServerOptions {
  /** Largest JSON or form body accepted, in bytes (larger: 413). */
  readonly bodyLimit: number;
  /** Fastify's logger; off by default. */
  readonly logger?: boolean;
}

/**
 * The tenant's fastify instance: trace ids on every response, Qlik's error
 * body for every error (validation errors become 400, oversized bodies 413),
 * and the body parsers Qlik's clients send (JSON, JSON patch, forms).
 */
export function createServer(options: ServerOptions): FastifyInstance {
  const fastify = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit,
    // Qlik's clients put long cursors and filters in query strings; some join
    // a base URL and a path that both carry the slash (`/api/v1//items`), which
    // Qlik Cloud's gateway accepts.
    routerOptions: { maxParamLength: 1000, ignoreDuplicateSlashes: true },
    schemaController: { compilersFactory: { buildValidator } },
    // Keep-alive sockets of a test client must not hold `close()` back.
    forceCloseConnections: true,
  });
  fastify.decorateRequest('traceId', '');
  fastify.addHook('onRequest', async (request, reply) => {
    request.traceId = traceIdFor(request.headers[TRACE_HEADER]);
    void reply.header(TRACE_HEADER, request.traceId);
  });
  // A DELETE with an empty body under a JSON content type reads as no body:
  // qlik-saas-api sends `Content-Type: application/json` on every DELETE, and
  // Qlik Cloud answers it. Other methods still refuse an empty JSON body.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(
    ['application/json', 'application/json-patch+json'],
    { parseAs: 'string' },
    (request, body, done) =>
      body === '' && request.method === 'DELETE'
        ? done(null, undefined)
        : parseJson(request, body as string, done),
  );
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  fastify.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    const apiError = toApiError(error);
    if (apiError.status >= 500) request.log.error(error);
    return sendError(request, reply, apiError);
  });
  return fastify;
}

/** Writes Qlik's error body for an ApiError. */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: ApiError,
): FastifyReply {
  void reply.code(error.status).headers(error.headers).type('application/json');
  return reply.send({ errors: [error.toEntry()], traceId: request.traceId });
}

/** Maps what fastify and handlers throw to the status and code a Qlik client expects. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const fastifyError = error as Partial<FastifyError> & { validationContext?: string };
  if (fastifyError.validation) {
    return ApiError.badRequest(
      `${fastifyError.validationContext ?? 'request'}${fastifyError.message?.replace(/^(body|querystring|params)/, '') ?? ''}`,
    );
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return ApiError.tooLarge('The request body is larger than the tenant accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'HTTP-415', 'Unsupported Media Type', fastifyError.message);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return ApiError.badRequest(fastifyError.message ?? 'Invalid JSON body');
  }
  if (error instanceof SyntaxError)
    return ApiError.badRequest(`Invalid JSON body: ${error.message}`);
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ApiError(
      status,
      `HTTP-${status}`,
      fastifyError.name ?? 'Error',
      fastifyError.message,
    );
  }
  return new ApiError(
    500,
    'HTTP-500',
    'Internal Server Error',
    'The tenant failed to answer this request',
  );
}
