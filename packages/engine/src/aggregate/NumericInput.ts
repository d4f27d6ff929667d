/**
 * Numbers for the rows of a frame without a Value per row: the number of frame
 * row i is `nums[symbols[rows[i]]]`, NaN meaning null or text. `nums` has a
 * NaN slot for the null code, so kernels need no null test. A computed vector
 * uses identity `symbols` and `rows`.
 */
export interface NumericInput {
  readonly nums: Float64Array;
  readonly symbols: ArrayLike<number>;
  readonly rows: Int32Array;
}

/** The row indexes 0..length-1. */
export function identityRows(length: number): Int32Array {
  const rows = new Int32Array(length);
  for (let i = 0; i < length; i++) rows[i] = i;
  return rows;
}
