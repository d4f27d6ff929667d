import { LocError } from '../errors/LocError.js';

/** How large and deep JSON from a client may be. */
export interface JsonLimits {
  /** Nesting of arrays and objects (Qlik's real properties stay far shallower than the default 256). */
  readonly maxDepth: number;
  /** Characters of one string (load scripts included). */
  readonly maxStringLength: number;
  /** Elements of one array. */
  readonly maxArrayLength: number;
}

/** The limits an engine applies unless `startEngine({ limits })` says otherwise. */
export const DEFAULT_JSON_LIMITS: JsonLimits = {
  maxDepth: 256,
  maxStringLength: 16 * 1024 * 1024,
  maxArrayLength: 1_000_000,
};

/**
 * Keys no client JSON may use: assigned with `=` they reach an object's
 * prototype (`__proto__`), and walked as a path they lead from a plain object
 * to `Object.prototype` (`constructor`, `prototype`).
 */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function refuse(path: string, message: string): LocError {
  return new LocError('LOCERR_GENERIC_INVALID_PARAMETERS', `${path}: ${message}`, {
    parameter: path,
  });
}

/**
 * Checks JSON from a client before any work is done with it, naming the
 * offending part by its path (`qProp/qHyperCubeDef/...`): nesting depth
 * (counting `depth` levels above it), string and array lengths, and keys that
 * reach prototypes. The walk is recursive, so callers make sure the input is
 * not nested absurdly deep first (the connection scans frames for that).
 */
export function checkJsonLimits(value: unknown, path: string, limits: JsonLimits, depth = 1): void {
  // Every request's arguments are walked: the path is written only for a refusal, from the
  // keys and indexes of the walk's way down (one array for every walk: walks never nest),
  // not as a new string per member walked. A walk leaves it empty unless it threw: it is emptied
  // only then (setting an array's length is a call into the runtime, three per SelectValues).
  if (way.length !== 0) way.length = 0;
  walk(value, limits, depth, way, path);
}

const way: (string | number)[] = [];

function walk(
  value: unknown,
  limits: JsonLimits,
  depth: number,
  way: (string | number)[],
  root: string,
): void {
  if (typeof value === 'string') {
    if (value.length > limits.maxStringLength)
      throw refuse(
        pathOf(root, way),
        `a string of ${value.length} characters; the limit is ${limits.maxStringLength}`,
      );
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (depth > limits.maxDepth)
    throw refuse(pathOf(root, way), `nested more than ${limits.maxDepth} levels deep, the limit`);
  if (Array.isArray(value)) {
    if (value.length > limits.maxArrayLength)
      throw refuse(
        pathOf(root, way),
        `an array of ${value.length} elements; the limit is ${limits.maxArrayLength}`,
      );
    for (let i = 0; i < value.length; i++) {
      way.push(i);
      walk(value[i], limits, depth + 1, way, root);
      way.pop();
    }
    return;
  }
  // for-in with an own-key test rather than Object.keys: no array of keys per object.
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    way.push(key);
    if (UNSAFE_KEYS.has(key)) throw refuse(pathOf(root, way), `the key ${key} is not allowed`);
    walk((value as Record<string, unknown>)[key], limits, depth + 1, way, root);
    way.pop();
  }
}

/** The path of the member the walk is at: its root and the keys and indexes below it. */
function pathOf(root: string, way: readonly (string | number)[]): string {
  return way.length === 0 ? root : `${root}/${way.join('/')}`;
}
