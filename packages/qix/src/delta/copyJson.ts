import { copyObject } from './copyObject.js';
import { isContainer } from './isContainer.js';

/**
 * A deep copy of a value parsed from JSON (objects, arrays and primitives only).
 * Walking it is several times faster than a JSON round trip or structuredClone.
 */
export function copyJson<T>(value: T): T {
  if (!isContainer(value)) return value;
  return (Array.isArray(value) ? value.map(copyJson) : copyObject(value, copyJson)) as T;
}
