import type { QixSchemaMethod } from '@qlikit/qix';
import { JsonRpcErr, RpcError } from '../protocol/RpcError.js';

/**
 * Turns JSON-RPC `params` (positional array or object by name) into arguments
 * by In-parameter name, with the schema's defaults for the missing ones. Names
 * match case-insensitively, as the engine accepts them.
 */
export function toArgs(method: QixSchemaMethod, params: unknown): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  if (Array.isArray(params)) {
    if (params.length > method.In.length) {
      throw new RpcError(
        JsonRpcErr.INVALID_PARAMS,
        `Too many parameters: expected at most ${method.In.length}, got ${params.length}`,
      );
    }
    // null, as JSON writes a left-out argument, takes the default.
    for (let index = 0; index < params.length; index++) {
      const value: unknown = params[index];
      if (value !== undefined && value !== null) args[method.In[index]!.Name] = value;
    }
  } else if (params !== undefined && params !== null) {
    if (typeof params !== 'object') {
      throw new RpcError(JsonRpcErr.INVALID_PARAMS, 'Parameters must be an array or an object');
    }
    for (const [key, value] of Object.entries(params)) {
      const param = method.In.find((p) => p.Name.toLowerCase() === key.toLowerCase());
      if (!param) throw new RpcError(JsonRpcErr.INVALID_PARAMS, `Unknown parameter ${key}`, key);
      if (value !== undefined && value !== null) args[param.Name] = value;
    }
  }
  for (const param of method.In) {
    const fallback = param.DefaultValue;
    if (fallback === undefined || args[param.Name] !== undefined) continue;
    // An object default is copied: a handler may keep or change its argument.
    args[param.Name] =
      typeof fallback === 'object' && fallback !== null ? structuredClone(fallback) : fallback;
  }
  return args;
}
