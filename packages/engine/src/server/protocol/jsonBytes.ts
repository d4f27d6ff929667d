// How many bytes of JSON a value and a patch operation take, counted
// without writing them where that is cheaper (strings without escapes).
import { jsonText } from './jsonText.js';

/** Bytes of a patch operation whose value takes `valueBytes`: `{"op":"replace","path":"…","value":…}`, `{"op":"remove","path":"…"}`. */
export function opBytes(op: string, path: string, valueBytes: number): number {
  return opBytesAt(op, path.length, valueBytes);
}

/** Bytes of a patch operation by its path's length. */
export function opBytesAt(op: string, pathLength: number, valueBytes: number): number {
  const head = 15 + op.length + pathLength + 2;
  return op === 'remove' ? head + 1 : head + 9 + valueBytes + 1;
}

/** The length of a value's JSON, strings counted without their escapes. */
export function jsonBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'number':
      return numberBytes(value);
    case 'boolean':
      return value ? 4 : 5;
    case 'object':
      return value === null ? 4 : jsonText(value).length;
    default:
      return 0;
  }
}

/** The length of a number's JSON: integers (most numbers in a layout) by their digits, others by their text. */
export function numberBytes(value: number): number {
  if (!Number.isFinite(value)) return 4;
  if (!Number.isInteger(value) || Math.abs(value) >= 1e15) return String(value).length;
  let bytes = value < 0 ? 2 : 1;
  for (let limit = 10, abs = Math.abs(value); abs >= limit; limit *= 10) bytes++;
  return bytes;
}
