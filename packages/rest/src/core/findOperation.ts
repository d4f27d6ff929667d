import { serviceOperations } from '../generated/services/index.js';
import type { Operation } from './Operation.js';

interface Candidate {
  readonly operation: Operation;
  readonly pattern: RegExp;
  /** Literal characters of the template: the more, the more specific. */
  readonly literal: number;
}

let candidates: Candidate[] | undefined;

function compile(): Candidate[] {
  const all: Candidate[] = [];
  for (const operations of Object.values(serviceOperations)) {
    for (const operation of Object.values(operations)) {
      const parts = operation.path.split(/\{[^}]+\}/);
      const source = parts.map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^/]+');
      all.push({
        operation,
        pattern: new RegExp(`^${source}/?$`),
        literal: parts.join('').length,
      });
    }
  }
  return all.sort((a, b) => b.literal - a.literal);
}

/**
 * The spec's operation behind a method and a concrete path such as
 * `/api/v1/apps/abc/copy` (query ignored), or undefined: how a raw request
 * gets its operation's rate-limit tier and idempotency.
 */
export function findOperation(method: string, path: string): Operation | undefined {
  candidates ??= compile();
  const bare = path.split(/[?#]/, 1)[0]!;
  const upper = method.toUpperCase();
  return candidates.find(
    (candidate) => candidate.operation.method === upper && candidate.pattern.test(bare),
  )?.operation;
}
