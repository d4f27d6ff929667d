import { JsonRpcErr, RpcError } from '../protocol/RpcError.js';

/** Arguments by In-param name. */
type Args = object;

function invalid(name: string, expected: string): RpcError {
  return new RpcError(
    JsonRpcErr.INVALID_PARAMS,
    `Invalid parameter ${name}: expected ${expected}`,
    name,
  );
}

/** A required string argument. */
export function stringArg(args: Args, name: string): string {
  const value = (args as Record<string, unknown>)[name];
  if (typeof value !== 'string') throw invalid(name, 'a string');
  return value;
}

/** An optional string argument, `fallback` when absent. */
export function optionalStringArg(args: Args, name: string, fallback = ''): string {
  const value = (args as Record<string, unknown>)[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string') throw invalid(name, 'a string');
  return value;
}

/** An optional boolean argument, `fallback` when absent. */
export function booleanArg(args: Args, name: string, fallback = false): boolean {
  const value = (args as Record<string, unknown>)[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw invalid(name, 'a boolean');
  return value;
}

/** A number argument, `fallback` when absent (a required one when no fallback is given). */
export function numberArg(args: Args, name: string, fallback?: number): number {
  const value = (args as Record<string, unknown>)[name];
  if ((value === undefined || value === null) && fallback !== undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value)) throw invalid(name, 'a number');
  return value;
}

/** A JSON object argument (properties, definitions). */
export function objectArg<T extends object = Record<string, unknown>>(args: Args, name: string): T {
  const value = (args as Record<string, unknown>)[name];
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(name, 'an object');
  return value as T;
}

/** An array argument. */
export function arrayArg<T = unknown>(args: Args, name: string, fallback?: T[]): T[] {
  const value = (args as Record<string, unknown>)[name];
  if ((value === undefined || value === null) && fallback !== undefined) return fallback;
  if (!Array.isArray(value)) throw invalid(name, 'an array');
  return value as T[];
}
