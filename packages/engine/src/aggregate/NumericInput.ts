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

/** Wraps a per-row vector of numbers (NaN for null) as a NumericInput. */
export function vectorInput(values: Float64Array): NumericInput {
  const identity = identityRows(values.length);
  return { nums: values, symbols: identity, rows: identity };
}

/** The row indexes 0..length-1. */
export function identityRows(length: number): Int32Array {
  const rows = new Int32Array(length);
  for (let i = 0; i < length; i++) rows[i] = i;
  return rows;
}

/** Copies the numbers of the frame rows into a vector (NaN for null and text). */
export function gatherNumbers(input: NumericInput): Float64Array {
  const { nums, symbols, rows } = input;
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    out[i] = nums[symbols[rows[i]!]!]!;
  }
  return out;
}
