import { isContainer } from './isContainer.js';

/**
 * A deep copy of a value parsed from JSON (objects, arrays and primitives only).
 * Walking it is several times faster than a JSON round trip or structuredClone.
 */
export function copyJson<T>(value: T): T {
  if (!isContainer(value)) return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  // Spreading defines the members (a "__proto__" one stays data); assigning an own member is safe.
  // Not copyContainer: a deep copy is mostly small objects (a page's cells), which spread lays out
  // in 4 members in place where copyContainer's objects take room for 10 (+43% bytes per layout).
  const copy = { ...value } as Record<string, unknown>;
  for (const key in copy) copy[key] = copyJson(copy[key]);
  return copy as T;
}
