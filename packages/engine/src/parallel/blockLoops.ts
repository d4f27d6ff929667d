// The grouped scans as block loops: rows from..to into per-group
// accumulators. Each reads nothing outside itself (worker threads run their
// text); the single-thread kernels in aggregate/ are the same loops over all rows.

/** Sums a computed vector (NaN for null) per group. */
export function sumVectorBlock(
  from: number,
  to: number,
  values: Float64Array,
  ofRow: Int32Array,
  sums: Float64Array,
): void {
  for (let i = from; i < to; i++) {
    const v = values[i]!;
    if (v === v) sums[ofRow[i]!]! += v;
  }
}

/** Sums and counts the numbers of a computed vector per group (for a mean). */
export function sumCountVectorBlock(
  from: number,
  to: number,
  values: Float64Array,
  ofRow: Int32Array,
  sums: Float64Array,
  counts: Float64Array,
): void {
  for (let i = from; i < to; i++) {
    const v = values[i]!;
    if (v === v) {
      const g = ofRow[i]!;
      sums[g]! += v;
      counts[g]!++;
    }
  }
}

/** Counts the numbers of a computed vector per group. */
export function countVectorBlock(
  from: number,
  to: number,
  values: Float64Array,
  ofRow: Int32Array,
  counts: Float64Array,
): void {
  for (let i = from; i < to; i++) if (values[i] === values[i]) counts[ofRow[i]!]!++;
}

/** Sums a field's numbers (`nums` per code, NaN for null or text) per group. */
export function sumFieldBlock(
  from: number,
  to: number,
  nums: Float64Array,
  symbols: ArrayLike<number>,
  rows: Int32Array,
  ofRow: Int32Array,
  sums: Float64Array,
): void {
  for (let i = from; i < to; i++) {
    const v = nums[symbols[rows[i]!]!]!;
    if (v === v) sums[ofRow[i]!]! += v;
  }
}

/** Counts a field's numbers per group. */
export function countFieldNumbersBlock(
  from: number,
  to: number,
  nums: Float64Array,
  symbols: ArrayLike<number>,
  rows: Int32Array,
  ofRow: Int32Array,
  counts: Float64Array,
): void {
  for (let i = from; i < to; i++) {
    const v = nums[symbols[rows[i]!]!]!;
    if (v === v) counts[ofRow[i]!]!++;
  }
}

/** Counts a field's non-null values per group (codes >= `nullCode` are null). */
export function countValuesBlock(
  from: number,
  to: number,
  symbols: ArrayLike<number>,
  rows: Int32Array,
  nullCode: number,
  ofRow: Int32Array,
  counts: Float64Array,
): void {
  for (let i = from; i < to; i++) if (symbols[rows[i]!]! < nullCode) counts[ofRow[i]!]!++;
}

/** Counts the rows per group. */
export function countRowsBlock(
  from: number,
  to: number,
  ofRow: Int32Array,
  counts: Float64Array,
): void {
  for (let i = from; i < to; i++) counts[ofRow[i]!]!++;
}
