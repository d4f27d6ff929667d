import { errorCodes } from '../errors/errorCodes.js';
import { QixError } from '../errors/QixError.js';
import { jsonEquals } from './jsonEquals.js';
import type { JsonPatchOperation } from './JsonPatchOperation.js';
import { parseJsonPointer } from './parseJsonPointer.js';

type Container = Record<string, unknown> | unknown[];

/**
 * Applies RFC 6902 operations to a JSON document without changing it: every
 * container on a written path is copied once per call (copy-on-write), the
 * rest is shared. So the value a caller got from an earlier response stays
 * as it was, and no response is deep-cloned.
 */
export function applyJsonPatch(
  document: unknown,
  operations: readonly JsonPatchOperation[],
): unknown {
  const patcher = new CopyOnWritePatcher(document);
  for (const operation of operations) patcher.apply(operation);
  return patcher.root;
}

class CopyOnWritePatcher {
  /** Containers created by this patcher: they may be written in place. */
  private readonly owned = new Set<Container>();

  constructor(public root: unknown) {}

  apply(operation: JsonPatchOperation): void {
    switch (operation.op) {
      case 'add':
      case 'replace':
        return this.write(operation.path, operation.op, operation.value);
      case 'remove':
        return this.write(operation.path, 'remove', undefined);
      case 'copy':
        // Sharing the copied subtree is safe: any later write copies it first.
        return this.write(operation.path, 'add', this.read(operation.from));
      case 'move': {
        const value = this.read(operation.from);
        this.write(operation.from, 'remove', undefined);
        return this.write(operation.path, 'add', value);
      }
      case 'test':
        if (!jsonEquals(this.read(operation.path), operation.value)) {
          throw new QixError(
            errorCodes.PATCH_TEST_FAILED,
            `Patch test failed at "${operation.path}"`,
          );
        }
        return;
      default:
        throw new QixError(
          errorCodes.EXPECTED_ARRAY_OF_PATCHES,
          `Unknown patch operation "${(operation as { op: unknown }).op}"`,
        );
    }
  }

  private read(pointer: string): unknown {
    let node = this.root;
    for (const token of parseJsonPointer(pointer)) {
      if (!isContainer(node) || !hasMember(node, token)) throw missingParent(pointer);
      node = memberOf(node, token);
    }
    return node;
  }

  private write(pointer: string, kind: 'add' | 'replace' | 'remove', value: unknown): void {
    const tokens = parseJsonPointer(pointer);
    if (tokens.length === 0) {
      this.root = value;
      return;
    }
    if (!isContainer(this.root)) throw missingParent(pointer);
    let parent = this.writable(this.root);
    this.root = parent;
    for (let i = 0; i < tokens.length - 1; i += 1) {
      const token = tokens[i];
      const child = hasMember(parent, token) ? memberOf(parent, token) : undefined;
      if (!isContainer(child)) throw missingParent(pointer);
      const writableChild = this.writable(child);
      setMember(parent, token, writableChild);
      parent = writableChild;
    }
    writeMember(parent, tokens[tokens.length - 1], kind, value, pointer);
  }

  private writable(container: Container): Container {
    if (this.owned.has(container)) return container;
    const copy: Container = Array.isArray(container) ? container.slice() : { ...container };
    this.owned.add(copy);
    return copy;
  }
}

function writeMember(
  parent: Container,
  token: string,
  kind: 'add' | 'replace' | 'remove',
  value: unknown,
  pointer: string,
): void {
  if (Array.isArray(parent)) {
    const index = token === '-' && kind === 'add' ? parent.length : arrayIndex(token, pointer);
    const limit = kind === 'add' ? parent.length : parent.length - 1;
    if (index > limit) throw missingParent(pointer);
    if (kind === 'add') parent.splice(index, 0, value);
    else if (kind === 'replace') parent[index] = value;
    else parent.splice(index, 1);
    return;
  }
  if (kind !== 'add' && !Object.hasOwn(parent, token)) throw missingParent(pointer);
  if (kind === 'remove') delete parent[token];
  else setMember(parent, token, value);
}

function arrayIndex(token: string, pointer: string): number {
  const index = indexOfToken(token);
  if (index < 0) throw missingParent(pointer);
  return index;
}

/** The array index a token spells (`0`, or digits not starting with 0), else a negative number. */
function indexOfToken(token: string): number {
  // Number() also reads '', ' 1', '1e2' and '0x1': a token is an index only as the index's own text.
  const index = Number(token) | 0;
  return `${index}` === token ? index : -1;
}

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function hasMember(container: Container, token: string): boolean {
  if (Array.isArray(container)) {
    const index = indexOfToken(token);
    return index >= 0 && index < container.length;
  }
  return Object.hasOwn(container, token);
}

// An array's elements are its members named by index text too: tokens are checked as indexes first.
function memberOf(container: Container, token: string): unknown {
  return (container as Record<string, unknown>)[token];
}

function setMember(container: Container, token: string, value: unknown): void {
  // Assigning "__proto__" would change the prototype; define it as plain data instead.
  if (token === '__proto__') {
    Object.defineProperty(container, token, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else (container as Record<string, unknown>)[token] = value;
}

function missingParent(pointer: string): QixError {
  return new QixError(
    errorCodes.PATCH_HAS_NO_PARENT,
    `Patch path "${pointer}" has no parent to patch`,
  );
}
