import { LocError } from '../errors/LocError.js';
import { checkJsonLimits, type JsonLimits } from './checkJsonLimits.js';
import { hasMember, parsePointer } from './jsonPointer.js';

type Json = Record<string, unknown>;
type Container = Json | unknown[];

/** A patch as a client sends it (NxPatch): each member is checked here. */
export interface PatchInput {
  readonly qOp?: unknown;
  readonly qPath?: unknown;
  readonly qValue?: unknown;
}

/**
 * Applies ApplyPatches-style patches (`qOp`, `qPath`, `qValue` as JSON text)
 * to a property tree in place. Paths walk own members only and may not use
 * `__proto__`, `constructor` or `prototype`; values are checked against the
 * limits at the depth they land. A bad patch is LOCERR_GENERIC_INVALID_PATH or
 * LOCERR_GENERIC_INVALID_PARAMETERS naming it, and then nothing of the
 * patches is applied (callers patch a copy).
 */
export function applyNxPatches(
  target: Json,
  patches: readonly PatchInput[],
  limits: JsonLimits,
): void {
  patches.forEach((patch, index) => applyPatch(target, patch, `qPatches/${index}`, limits));
}

function applyPatch(target: Json, patch: PatchInput, where: string, limits: JsonLimits): void {
  const op = typeof patch.qOp === 'string' ? patch.qOp.toLowerCase() : '';
  if (op !== 'add' && op !== 'remove' && op !== 'replace')
    throw invalid(`${where}/qOp`, `Unknown patch operation ${JSON.stringify(patch.qOp)}`);
  if (typeof patch.qPath !== 'string')
    throw invalid(`${where}/qPath`, 'A patch needs its qPath, a string');
  const path = patch.qPath;
  const keys = parsePointer(path);
  if (keys.length === 0)
    throw new LocError('LOCERR_GENERIC_INVALID_PATH', `Cannot patch the root: ${path}`, {
      parameter: path,
    });
  const parent = walkToParent(target, keys, op === 'add', path);
  const last = keys[keys.length - 1]!;
  if (op === 'remove') {
    removeKey(parent, last);
    return;
  }
  const value = parseValue(patch.qValue, path);
  checkJsonLimits(value, path, limits, keys.length + 1);
  setKey(parent, last, value, op === 'add', path);
}

function invalid(parameter: string, message: string): LocError {
  return new LocError('LOCERR_GENERIC_INVALID_PARAMETERS', message, { parameter });
}

function missing(path: string): LocError {
  return new LocError('LOCERR_GENERIC_INVALID_PATH', `Path does not exist: ${path}`, {
    parameter: path,
  });
}

function walkToParent(
  root: Json,
  keys: readonly string[],
  create: boolean,
  path: string,
): Container {
  let node: Container = root;
  for (const key of keys.slice(0, -1)) {
    if (!hasMember(node, key)) {
      if (!create || Array.isArray(node)) throw missing(path);
      (node as Json)[key] = {};
    }
    const next: unknown = (node as Json)[key];
    if (typeof next !== 'object' || next === null) throw missing(path);
    node = next as Container;
  }
  return node;
}

// Removing what is not there changes nothing, as Qlik's engine leaves it.
function removeKey(parent: Container, key: string): void {
  if (!hasMember(parent, key)) return;
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
}

function setKey(
  parent: Container,
  key: string,
  value: unknown,
  insert: boolean,
  path: string,
): void {
  // On an object, replace works like add, as Qlik's engine lets it.
  if (!Array.isArray(parent)) {
    parent[key] = value;
    return;
  }
  const index = key === '-' ? parent.length : /^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : -1;
  const limit = insert ? parent.length : parent.length - 1;
  if (index < 0 || index > limit)
    throw new LocError('LOCERR_GENERIC_INVALID_PATH', `Bad array index ${key} in ${path}`, {
      parameter: path,
    });
  if (insert) parent.splice(index, 0, value);
  else parent[index] = value;
}

function parseValue(text: unknown, path: string): unknown {
  if (text === undefined) return null;
  if (typeof text !== 'string')
    throw invalid(path, `qValue of the patch at ${path} must be JSON text`);
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new LocError(
      'LOCERR_GENERIC_INVALID_PARAMETERS',
      `qValue of the patch at ${path} is not JSON`,
      {
        parameter: path,
        cause,
      },
    );
  }
}
