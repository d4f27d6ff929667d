import { errorCodes } from '../errors/errorCodes.js';
import { QixError } from '../errors/QixError.js';
import { type Container, isContainer } from './isContainer.js';
import { jsonEquals } from './jsonEquals.js';
import type { JsonPatchOperation } from './JsonPatchOperation.js';
import { parseJsonPointer } from './parseJsonPointer.js';
import { copyContainer } from './copyContainer.js';
import { setMember } from './setMember.js';

/**
 * Applies RFC 6902 operations to a JSON document without changing it: every
 * container on a written path is copied once per call (copy-on-write), the
 * rest is shared. So the value a caller got from an earlier response stays
 * as it was, and no response is deep-cloned. `chain` is scratch space a
 * caller that patches often can pass again each time (nothing in it is read
 * before it is written in the same call).
 */
export function applyJsonPatch(
  document: unknown,
  operations: readonly JsonPatchOperation[],
  chain: Container[] = [],
): unknown {
  let root = document;
  // The copies made along the last written path: `chain[0]` is the root's copy, `chain[i + 1]`
  // its child at `chainTokens[i]`, down to the last write's parent. Engines write patches in
  // document order, so a path mostly shares a prefix with the one before, and those containers
  // are written in place with no set to ask which containers are copies; a container off the
  // chain is copied again when written (safe, only work). One loop with no closure or class:
  // the browser bundle stays small, and sources run through tsx name every closure made.
  // `depth` is how many entries of `chain` hold: entries past it are stale, and the array is
  // never shortened (setting an array's length is a call into the runtime, on every op). A new
  // array grows to 17 entries at its first write (about 180 bytes a patch).
  let depth = 0;
  let chainTokens: readonly string[] = [];
  for (const operation of operations) {
    const pointer = operation.path;
    let kind: 'add' | 'replace' | 'remove' = 'add';
    let value: unknown;
    switch (operation.op) {
      case 'add':
      case 'replace':
      case 'remove':
        // A remove has no value; writeMember reads none for it.
        kind = operation.op;
        value = (operation as { value?: unknown }).value;
        break;
      case 'copy':
        // Sharing the copied subtree is safe: any later write copies it first.
        value = read(root, operation.from);
        break;
      case 'move':
        // The removal as a patch of its own (engines do not send moves): the chain starts over.
        value = read(root, operation.from);
        root = applyJsonPatch(root, [{ op: 'remove', path: operation.from }]);
        depth = 0;
        break;
      case 'test':
        if (!jsonEquals(read(root, pointer), operation.value)) {
          throw new QixError(errorCodes.PATCH_TEST_FAILED, `Patch test failed at "${pointer}"`);
        }
        continue;
      default:
        throw new QixError(
          errorCodes.EXPECTED_ARRAY_OF_PATCHES,
          `Unknown patch operation "${(operation as { op: unknown }).op}"`,
        );
    }
    const tokens = parseJsonPointer(pointer);
    const last = tokens.length - 1;
    if (last < 0) {
      root = value;
      depth = 0;
      continue;
    }
    if (depth === 0) {
      if (!isContainer(root)) throw missingParent(pointer);
      chain[0] = root = copyContainer(root);
      depth = 1;
    }
    // Past the first token off the chain, the chain ends at the current depth, so the test
    // fails for every deeper token. A failed write ends the patch: the chain need not hold.
    for (let i = 0; i < last; i += 1) {
      const token = tokens[i]!;
      if (i + 1 < depth && chainTokens[i] === token) continue;
      const parent = chain[i]!;
      const child = hasMember(parent, token) ? (parent as Members)[token] : undefined;
      if (!isContainer(child)) throw missingParent(pointer);
      setMember(parent, token, (chain[i + 1] = copyContainer(child)));
      depth = i + 2;
    }
    // The written member itself is new: the chain ends at its parent.
    depth = tokens.length;
    chainTokens = tokens;
    writeMember(chain[last]!, tokens[last]!, kind, value, pointer);
  }
  return root;
}

/** The value at `pointer` in `root`. */
function read(root: unknown, pointer: string): unknown {
  let node = root;
  for (const token of parseJsonPointer(pointer)) {
    if (!isContainer(node) || !hasMember(node, token)) throw missingParent(pointer);
    node = (node as Members)[token];
  }
  return node;
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

// Read by token text: an array's elements are its members named by index text too, and
// hasMember checked tokens as indexes first. (No function for it: the bundle's bytes.)
type Members = Record<string, unknown>;

function hasMember(container: Container, token: string): boolean {
  if (Array.isArray(container)) {
    const index = indexOfToken(token);
    return index >= 0 && index < container.length;
  }
  return Object.hasOwn(container, token);
}

function missingParent(pointer: string): QixError {
  return new QixError(
    errorCodes.PATCH_HAS_NO_PARENT,
    `Patch path "${pointer}" has no parent to patch`,
  );
}
