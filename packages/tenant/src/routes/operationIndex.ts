import { specOperations, type OperationTypes } from '../generated/operations.js';
import type { SpecOperation } from './SpecOperation.js';

/** `service.operationId` of an operation of the specs. */
export type OperationKey = keyof OperationTypes;

const byKey = new Map<string, SpecOperation>();
for (const operation of specOperations) {
  const key = `${operation.service}.${operation.id}`;
  if (!byKey.has(key)) byKey.set(key, operation);
}

/** The spec operation of a key. */
export function operationOf(key: OperationKey): SpecOperation {
  const operation = byKey.get(key);
  if (!operation) throw new Error(`No operation ${key} in the specs`);
  return operation;
}

/** `/api/v1/apps/{appId}` → `/api/v1/apps/:appId`, fastify's form. */
export function routeUrl(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}

interface PathMatcher {
  readonly operation: SpecOperation;
  readonly pattern: RegExp;
}

const matchers: PathMatcher[] = specOperations.map((operation) => ({
  operation,
  pattern: new RegExp(
    `^${operation.path
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+')}$`,
  ),
}));

/** The spec operation a method and path name, when the specs have one (static paths win over templated ones). */
export function matchOperation(method: string, path: string): SpecOperation | undefined {
  const candidates = matchers.filter(
    (matcher) => matcher.operation.method === method && matcher.pattern.test(path),
  );
  candidates.sort((a, b) => templateCount(a.operation.path) - templateCount(b.operation.path));
  return candidates[0]?.operation;
}

function templateCount(path: string): number {
  return (path.match(/\{/g) ?? []).length;
}
