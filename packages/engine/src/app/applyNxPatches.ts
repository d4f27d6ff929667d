import { EngineError, LocErr } from '../server/protocol/EngineError.js';

/** A patch as ApplyPatches takes it: the value is JSON text. */
export interface NxPatch {
  readonly qOp: 'add' | 'remove' | 'replace' | 'Add' | 'Remove' | 'Replace';
  readonly qPath: string;
  readonly qValue?: string;
}

type Json = Record<string, unknown>;

/** Applies ApplyPatches-style patches to a property tree in place; a bad path or value is LOCERR_GENERIC_INVALID_PATH / INVALID_PARAMETERS. */
export function applyNxPatches(target: Json, patches: readonly NxPatch[]): void {
  for (const patch of patches) {
    const op = String(patch.qOp).toLowerCase();
    const keys = parsePointer(patch.qPath);
    if (keys.length === 0)
      throw new EngineError(
        LocErr.GENERIC_INVALID_PATH,
        `Cannot patch the root: ${patch.qPath}`,
        patch.qPath,
      );
    const parent = walkToParent(target, keys, op === 'add', patch.qPath);
    const last = keys[keys.length - 1]!;
    if (op === 'remove') {
      removeKey(parent, last);
      continue;
    }
    if (op !== 'add' && op !== 'replace') {
      throw new EngineError(
        LocErr.GENERIC_INVALID_PARAMETERS,
        `Unknown patch operation ${String(patch.qOp)}`,
        'qOp',
      );
    }
    setKey(parent, last, parseValue(patch.qValue, patch.qPath), op === 'add');
  }
}

function parsePointer(path: string): string[] {
  if (path === '' || path === '/') return [];
  return path
    .replace(/^\//, '')
    .split('/')
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function walkToParent(
  root: Json,
  keys: readonly string[],
  create: boolean,
  path: string,
): Json | unknown[] {
  let node: unknown = root;
  for (const key of keys.slice(0, -1)) {
    const container = node as Json;
    if (container[key] === undefined && create) container[key] = {};
    node = container[key];
    if (typeof node !== 'object' || node === null) {
      throw new EngineError(LocErr.GENERIC_INVALID_PATH, `Path does not exist: ${path}`, path);
    }
  }
  return node as Json | unknown[];
}

function removeKey(parent: Json | unknown[], key: string): void {
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
}

function setKey(parent: Json | unknown[], key: string, value: unknown, insert: boolean): void {
  if (!Array.isArray(parent)) {
    parent[key] = value;
    return;
  }
  const index = key === '-' ? parent.length : Number(key);
  if (!Number.isInteger(index) || index < 0 || index > parent.length) {
    throw new EngineError(LocErr.GENERIC_INVALID_PATH, `Bad array index ${key}`, key);
  }
  if (insert) parent.splice(index, 0, value);
  else parent[index] = value;
}

function parseValue(text: string | undefined, path: string): unknown {
  if (text === undefined) return null;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new EngineError(
      LocErr.GENERIC_INVALID_PARAMETERS,
      `qValue of the patch at ${path} is not JSON`,
      path,
      { cause },
    );
  }
}
