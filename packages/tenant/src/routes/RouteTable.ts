import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/Principal.js';
import type { OperationTypes } from '../generated/operations.js';
import type { SpecOperation } from './SpecOperation.js';
import { operationOf, type OperationKey } from './operationIndex.js';

/** What a handler gets besides its arguments. */
export interface Call {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  /** `http://host:port` as the client addressed the tenant, for links and `Location`. */
  readonly origin: string;
}

/** A call by an authenticated principal. */
export interface AuthenticatedCall extends Call {
  readonly principal: Principal;
}

/** The operation's arguments as `@qlikit/rest` types them: path, query by name, the JSON body under `body`. */
export type ArgsOf<K extends OperationKey> = OperationTypes[K]['args'];

/** What a handler answers: the operation's result (sent as JSON), or the reply it sent itself. */
export type ResultOf<K extends OperationKey> = OperationTypes[K]['result'] | FastifyReply;

/** A route's handler. */
export type Handler<K extends OperationKey, C extends Call = AuthenticatedCall> = (
  args: ArgsOf<K>,
  call: C,
) => ResultOf<K> | Promise<ResultOf<K>>;

/** How a route is served. */
export interface RouteOptions {
  /** The success status, when it is not the spec's first 2xx. */
  readonly status?: number;
  /** The body is left unread for the handler to stream (uploads: octet-stream, multipart). */
  readonly rawBody?: boolean;
}

/** One route as registered. */
export interface RouteDefinition {
  readonly key: OperationKey;
  readonly operation: SpecOperation;
  readonly options: RouteOptions;
  /** False for the few operations that take no credentials (`POST /oauth/token`, ...). */
  readonly authenticated: boolean;
  readonly handler: (
    args: Record<string, unknown>,
    call: Call & { principal?: Principal },
  ) => unknown;
}

/**
 * The routes the services implement, each named by its spec operation: its
 * method, path, tier and request schema come from the specs, its argument and
 * result types from `@qlikit/rest`. Every other operation answers 501.
 */
export class RouteTable {
  readonly routes: RouteDefinition[] = [];

  /** Adds a route that needs an authenticated caller. */
  add<K extends OperationKey>(key: K, handler: Handler<K>, options: RouteOptions = {}): this {
    return this.push(key, handler as RouteDefinition['handler'], options, true);
  }

  /** Adds a route anyone may call (it authenticates by its own means, e.g. client credentials). */
  addPublic<K extends OperationKey>(
    key: K,
    handler: Handler<K, Call>,
    options: RouteOptions = {},
  ): this {
    return this.push(key, handler as RouteDefinition['handler'], options, false);
  }

  private push(
    key: OperationKey,
    handler: RouteDefinition['handler'],
    options: RouteOptions,
    authenticated: boolean,
  ): this {
    this.routes.push({ key, operation: operationOf(key), options, authenticated, handler });
    return this;
  }
}
