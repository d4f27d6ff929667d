import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RouteOptions as FastifyRoute,
} from 'fastify';
import type { Authenticator } from '../auth/Authenticator.js';
import type { Principal } from '../auth/Principal.js';
import { schemaModules } from '../generated/schemaModules.js';
import { ApiError } from '../server/ApiError.js';
import type { RateLimiter } from '../server/RateLimiter.js';
import { sendError } from '../server/createServer.js';
import { matchOperation, routeUrl } from './operationIndex.js';
import type { RouteDefinition, RouteTable } from './RouteTable.js';
import type { SpecOperation } from './SpecOperation.js';
import type { RequestSchemas } from './ServiceSchemas.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller, set by the route's auth hook. */
    principal?: Principal;
  }
}

/** What routing needs besides the routes. */
export interface RoutingDeps {
  readonly authenticator: Authenticator;
  /** Null when rate limiting is switched off. */
  readonly rateLimiter: RateLimiter | null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Path prefixes of the specs' operations: anything under them that no route serves is a 501 or a 404, never the hub's. */
const API_PREFIXES = ['/api/*', '/oauth/*', '/login', '/login/*'];

/**
 * Registers the routes of a table on fastify: each with its spec's request
 * schema, the auth and rate-limit hooks, and (for uploads) a body left
 * unread for the handler to stream. Operations of the specs that no route
 * implements answer 501 with Qlik's error body; other API paths 404.
 */
export async function registerRoutes(
  fastify: FastifyInstance,
  table: RouteTable,
  deps: RoutingDeps,
): Promise<void> {
  const services = new Set(table.routes.map((route) => route.operation.service));
  const requests = new Map<string, RequestSchemas>();
  for (const service of services) {
    const { schemas } = await schemaModules[service]!();
    fastify.addSchema({ $id: service, definitions: schemas.definitions });
    for (const [id, request] of Object.entries(schemas.requests))
      requests.set(`${service}.${id}`, request);
  }
  const authenticate = authHook(deps);
  const toRoute = (definition: RouteDefinition): FastifyRoute => ({
    method: definition.operation.method,
    url: routeUrl(definition.operation.path),
    schema: definition.options.rawBody
      ? withoutBody(requests.get(definition.key))
      : requests.get(definition.key),
    config: { operation: definition.operation },
    onRequest: definition.authenticated ? authenticate : rateLimitOnly(deps),
    handler: (request, reply) => runHandler(definition, request, reply),
  });
  for (const definition of table.routes)
    if (!definition.options.rawBody) fastify.route(toRoute(definition));
  await fastify.register(async (child) => {
    // Upload routes read their body as a stream: no parser may consume it first.
    child.removeAllContentTypeParsers();
    child.addContentTypeParser('*', (_request, _payload, done) => done(null));
    for (const definition of table.routes)
      if (definition.options.rawBody) child.route(toRoute(definition));
  });
  for (const url of API_PREFIXES) {
    fastify.all(
      url,
      { onRequest: authHook({ ...deps, rateLimiter: null }) },
      async (request, reply) => {
        const operation = matchOperation(request.method, request.url.split('?')[0]!);
        if (!operation)
          throw ApiError.notFound(
            `No such endpoint: ${request.method} ${request.url.split('?')[0]}`,
          );
        return sendError(
          request,
          reply,
          ApiError.notImplemented(`${operation.method} ${operation.path}`),
        );
      },
    );
  }
}

function authHook(deps: RoutingDeps) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    request.principal = deps.authenticator.authenticate({
      authorization: request.headers.authorization,
      cookie: request.headers.cookie,
      csrfToken: headerValue(request.headers['qlik-csrf-token']),
      needsCsrf: !SAFE_METHODS.has(request.method),
    });
    limit(deps, request, reply);
  };
}

function rateLimitOnly(deps: RoutingDeps) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> =>
    limit(deps, request, reply);
}

function limit(deps: RoutingDeps, request: FastifyRequest, _reply: FastifyReply): void {
  const operation = (request.routeOptions.config as { operation?: SpecOperation }).operation;
  if (!deps.rateLimiter || !operation) return;
  const who = request.principal?.user.id ?? `ip:${request.ip}`;
  const wait = deps.rateLimiter.take(who, operation);
  if (wait !== null) {
    throw new ApiError(
      429,
      'HTTP-429',
      'Too Many Requests',
      `Rate limit of ${operation.tier} exceeded; retry in ${wait} s`,
      { 'retry-after': String(wait) },
    );
  }
}

async function runHandler(
  definition: RouteDefinition,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<unknown> {
  const args: Record<string, unknown> = {
    ...(request.query as Record<string, unknown>),
    ...(request.params as Record<string, unknown>),
  };
  if (!definition.options.rawBody && request.body !== undefined) args.body = request.body;
  const result = await definition.handler(args, {
    request,
    reply,
    origin: `${request.protocol}://${request.host}`,
    principal: request.principal,
  });
  if (result === reply) return reply;
  const status = definition.options.status ?? definition.operation.status;
  if (status === 204 || result === undefined) return reply.code(status).send();
  return reply.code(status).send(result);
}

function withoutBody(schema: RequestSchemas | undefined): RequestSchemas | undefined {
  if (!schema) return undefined;
  const { body: _body, ...rest } = schema;
  return rest;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
