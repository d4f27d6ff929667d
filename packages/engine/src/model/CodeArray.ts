import { rowArray } from '../parallel/sharedArrays.js';

/** A column of symbol codes in the narrowest unsigned typed array that fits. */
export type CodeArray = Uint8Array | Uint16Array | Uint32Array;

/**
 * Allocates a code array for `length` rows of a field with `cardinality`
 * symbols. Codes run 0..cardinality, the last one (`cardinality`) standing for
 * null, so the width is chosen for cardinality + 1 distinct codes.
 */
export function allocateCodeArray(cardinality: number, length: number): CodeArray {
  if (cardinality < 0xff) return rowArray(Uint8Array, length);
  if (cardinality < 0xffff) return rowArray(Uint16Array, length);
  return rowArray(Uint32Array, length);
}
