import { isContainer } from './isContainer.js';

/** Structural equality of two JSON values (key order does not matter). */
export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isContainer(a) || !isContainer(b)) return false;
  // JSON arrays are dense: their keys are their indexes, so one walk over keys serves both kinds.
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  const bRecord = b as Record<string, unknown>;
  const aRecord = a as Record<string, unknown>;
  return aKeys.every(
    (key) => Object.hasOwn(bRecord, key) && jsonEquals(aRecord[key], bRecord[key]),
  );
}
