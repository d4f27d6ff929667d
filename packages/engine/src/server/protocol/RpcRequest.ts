import { JsonRpcErr, RpcError } from '../protocol/RpcError.js';

/** A JSON-RPC id as this engine accepts it. */
export type RequestId = number | string | null;

/** One request after its envelope was checked. */
export interface RpcRequest {
  /** The id, or undefined for a notification (no `id` member), which is never answered. */
  readonly id: RequestId | undefined;
  /** The id's JSON text as the client wrote it, echoed exactly in the answer. */
  readonly rawId: string;
  readonly handle: number;
  readonly method: string;
  /** Positional (array), by name (object), or none. */
  readonly params: readonly unknown[] | Readonly<Record<string, unknown>> | undefined;
  readonly delta: boolean;
}

/** A message whose envelope is not a request: the error to answer it with, and the id to echo. */
export class InvalidRequest {
  constructor(
    readonly error: RpcError,
    readonly rawId: string,
  ) {}
}

function invalid(message: string): RpcError {
  return new RpcError(JsonRpcErr.INVALID_REQUEST, `Invalid request: ${message}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What is wrong with a request's envelope, or undefined when nothing is. */
function envelopeProblem(
  badId: boolean,
  jsonrpc: unknown,
  method: unknown,
  handle: unknown,
  params: unknown,
): string | undefined {
  if (badId) return 'id must be a number, a string or null';
  if (jsonrpc !== '2.0') return 'jsonrpc must be "2.0"';
  if (typeof method !== 'string' || method === '') return 'method must be a non-empty string';
  if (typeof handle !== 'number' || !Number.isInteger(handle)) return 'handle must be an integer';
  // JSON-RPC 2.0: params, when present, is a structured value (array or object).
  if (params === null || (params !== undefined && typeof params !== 'object'))
    return 'params must be an array or an object';
  return undefined;
}

/**
 * Checks one parsed message against JSON-RPC 2.0 and QIX's envelope
 * (`handle` is QIX's, and `delta`; other unknown members are ignored, as
 * Qlik's engine ignores `return_empty` and friends). A message that fails is
 * answered -32600 with its id when it had a usable one, else id null.
 */
export function parseRpcRequest(
  message: unknown,
  rawId: string | undefined,
): RpcRequest | InvalidRequest {
  if (!isRecord(message)) return new InvalidRequest(invalid('expected a JSON-RPC object'), 'null');
  const { jsonrpc, id, handle, method, params, delta } = message;
  const hasId = Object.hasOwn(message, 'id');
  const idOk = id === null || typeof id === 'number' || typeof id === 'string';
  const echo = hasId && idOk && rawId !== undefined ? rawId : 'null';
  const problem = envelopeProblem(hasId && !idOk, jsonrpc, method, handle, params);
  if (problem !== undefined) return new InvalidRequest(invalid(problem), echo);
  return {
    id: hasId ? (id as RequestId) : undefined,
    rawId: echo,
    handle: handle as number,
    method: method as string,
    params: params as RpcRequest['params'],
    delta: delta === true,
  };
}
