import type { OperationFacts } from './analyzeOperation.js';
import { camelCase, isReserved, pascalCase, singularize } from './identifiers.js';

/** The two names of an operation: the method on the service object, and the standalone function. */
export interface OperationNames {
  /** Method of the service object, e.g. `get` in `client.apps.get(...)`. */
  readonly method: string;
  /** Standalone, tree-shakable function, e.g. `getApp`. */
  readonly fn: string;
}

interface Noun {
  readonly word: string;
  singular: boolean;
}

/**
 * Names every operation of one service. The rule (documented in codegen/README.md):
 * the service root (`/api/v1/apps`) is dropped from the method name and kept as a
 * noun in the function name; the verb comes from `actions/<verb>`, else from the
 * HTTP method (GET one → get, GET a list → list, POST a collection → create, POST
 * to a non-collection segment → that segment, PUT → update, PATCH → patch,
 * DELETE → delete); the remaining literal segments follow as nouns, in the
 * singular when an `{id}` follows them. Names that still collide fall back to
 * the operationId, then to a `By<Param>` suffix, then to a number.
 */
export function nameOperations(operations: readonly OperationFacts[]): OperationNames[] {
  const prefix = servicePrefix(operations.map((operation) => operation.path));
  const collections = collectionPaths(operations);
  const names = operations.map((operation) => ruleName(operation, prefix, collections));
  return resolveCollisions(operations, names);
}

/** The literal path segments every operation shares, up to the service's root noun. */
function servicePrefix(paths: readonly string[]): string[] {
  const split = paths.map(segments);
  const common: string[] = [];
  for (let index = 0; split.every((parts) => index < parts.length); index++) {
    const segment = split[0][index];
    if (isParam(segment) || !split.every((parts) => parts[index] === segment)) break;
    common.push(segment);
  }
  const rootIndex = common[0] === 'api' ? 2 : 0;
  return common.slice(0, rootIndex + 1);
}

/** Literal paths that name a collection: listed by a GET, or followed by an `{id}` segment. */
function collectionPaths(operations: readonly OperationFacts[]): Set<string> {
  const collections = new Set<string>();
  for (const operation of operations) {
    if (operation.method === 'get' && operation.itemSchema) collections.add(operation.path);
    const parts = segments(operation.path);
    parts.forEach((part, index) => {
      if (index > 0 && isParam(part) && !isParam(parts[index - 1]))
        collections.add(`/${parts.slice(0, index).join('/')}`);
    });
  }
  return collections;
}

function ruleName(
  operation: OperationFacts,
  prefix: readonly string[],
  collections: ReadonlySet<string>,
): OperationNames {
  const parts = segments(operation.path);
  const hasRoot = prefix.length > 0 && prefix[0] !== 'api' ? true : prefix.length === 3;
  const root: Noun | undefined = hasRoot
    ? { word: prefix[prefix.length - 1], singular: false }
    : undefined;
  const rest = parts.slice(prefix.length);
  const nouns: Noun[] = [];
  let action: string | undefined;
  for (let index = 0; index < rest.length; index++) {
    const segment = rest[index];
    if (isParam(segment)) {
      const owner = nouns[nouns.length - 1] ?? (action === undefined ? root : undefined);
      if (owner) owner.singular = true;
      continue;
    }
    if (action !== undefined) {
      nouns.push({ word: action, singular: false });
      action = undefined;
    }
    if (segment === 'actions' && index + 1 < rest.length && !isParam(rest[index + 1])) {
      action = rest[++index];
      continue;
    }
    nouns.push({ word: segment, singular: false });
  }
  const verb =
    action !== undefined
      ? camelCase(action)
      : methodVerb(operation, parts, nouns, root, collections);
  const spelled = (list: readonly Noun[]) =>
    list.map((noun) => pascalCase(noun.singular ? singularize(noun.word) : noun.word)).join('');
  const fn = verb + spelled(root ? [root, ...nouns] : nouns);
  return { method: verb + spelled(nouns), fn: isReserved(fn) ? `${fn}Operation` : fn };
}

/** The verb an HTTP method stands for here; may consume the last noun (POST /apps/{id}/copy → copy). */
function methodVerb(
  operation: OperationFacts,
  parts: readonly string[],
  nouns: Noun[],
  root: Noun | undefined,
  collections: ReadonlySet<string>,
): string {
  const endsWithParam = parts.length > 0 && isParam(parts[parts.length - 1]);
  switch (operation.method) {
    case 'get':
      return !endsWithParam && operation.itemSchema ? 'list' : 'get';
    case 'post': {
      if (!endsWithParam && !collections.has(operation.path) && nouns.length > 0) {
        return camelCase((nouns.pop() as Noun).word);
      }
      const last = nouns[nouns.length - 1] ?? root;
      if (last && !endsWithParam) last.singular = true;
      return 'create';
    }
    case 'put':
      return 'update';
    case 'patch':
      return 'patch';
    case 'delete':
      return 'delete';
    default:
      return operation.method;
  }
}

function resolveCollisions(
  operations: readonly OperationFacts[],
  names: OperationNames[],
): OperationNames[] {
  const result = [...names];
  const fallbacks: Array<(index: number, name: OperationNames) => OperationNames> = [
    (index, name) => {
      const id = operations[index].spec.operationId;
      return id ? { method: camelCase(id), fn: camelCase(id) } : name;
    },
    (index, name) => {
      const params = segments(operations[index].path).filter(isParam);
      const last = params[params.length - 1];
      return last
        ? { method: `${name.method}By${pascalCase(last)}`, fn: `${name.fn}By${pascalCase(last)}` }
        : name;
    },
  ];
  for (const fallback of fallbacks) {
    for (const group of collidingGroups(result)) {
      for (const index of group) result[index] = fallback(index, result[index]);
    }
  }
  for (const group of collidingGroups(result)) {
    group.forEach((index, position) => {
      if (position > 0)
        result[index] = {
          method: `${result[index].method}${position + 1}`,
          fn: `${result[index].fn}${position + 1}`,
        };
    });
  }
  return result;
}

/** Indexes of operations sharing a method name or a function name, grouped, in spec order. */
function collidingGroups(names: readonly OperationNames[]): number[][] {
  const groups: number[][] = [];
  for (const key of ['method', 'fn'] as const) {
    const byName = new Map<string, number[]>();
    names.forEach((name, index) =>
      byName.set(name[key], [...(byName.get(name[key]) ?? []), index]),
    );
    for (const group of byName.values()) if (group.length > 1) groups.push(group);
  }
  return groups;
}

function segments(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function isParam(segment: string): boolean {
  return segment.startsWith('{');
}
