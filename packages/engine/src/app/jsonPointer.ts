import { LocError } from '../errors/LocError.js';
import { UNSAFE_KEYS } from './checkJsonLimits.js';

/**
 * The keys of a JSON Pointer (RFC 6901); Qlik writes the root as "/" as well
 * as "". A key that would reach a prototype (`__proto__`, `constructor`,
 * `prototype`) is refused with LOCERR_GENERIC_INVALID_PATH naming the path.
 */
export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  const keys = pointer
    .replace(/^\//, '')
    .split('/')
    // "~1" before "~0", so that "~01" becomes "~1" and not "/" (RFC 6901 §4).
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (const key of keys) {
    if (UNSAFE_KEYS.has(key))
      throw new LocError('LOCERR_GENERIC_INVALID_PATH', `The path ${pointer} may not use ${key}`, {
        parameter: pointer,
      });
  }
  return keys;
}

/** Whether `container` holds `key` itself (not through its prototype). */
export function hasMember(container: object, key: string): boolean {
  if (Array.isArray(container))
    return /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < container.length;
  return Object.hasOwn(container, key);
}

/** Reads a JSON Pointer from a tree through own members only; undefined when absent. */
export function readPointer(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const key of parsePointer(pointer)) {
    if (typeof node !== 'object' || node === null || !hasMember(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
