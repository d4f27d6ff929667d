/** One field's part of each QVD record: where its bits go and the code each row stores. */
export interface QvdIndexSource {
  readonly bitOffset: number;
  readonly bitWidth: number;
  /** Per row, the index of its value in the column's dictionary, or -1 for NULL. */
  readonly indexes: Int32Array;
  /** Per dictionary entry, the code stored in the record (its symbol index minus the bias). */
  readonly codes: Int32Array;
}

/**
 * Packs rows `firstRow`..`firstRow + recordCount` into QVD records: each
 * field's code written little-endian at its bit offset; NULL stores code 0.
 */
export function encodeQvdIndexes(
  recordSize: number,
  recordCount: number,
  firstRow: number,
  sources: readonly QvdIndexSource[],
): Uint8Array {
  const records = new Uint8Array(recordSize * recordCount);
  for (const { bitOffset, bitWidth, indexes, codes } of sources) {
    if (bitWidth === 0) continue;
    const shift = bitOffset & 7;
    const carry = 2 ** (8 - shift);
    let pos = bitOffset >> 3;
    for (let r = firstRow, end = firstRow + recordCount; r < end; r++, pos += recordSize) {
      const index = indexes[r];
      if (index < 0) continue;
      const code = codes[index];
      records[pos] |= (code << shift) & 0xff;
      for (let rest = Math.floor(code / carry), at = pos + 1; rest > 0; at++) {
        records[at] |= rest & 0xff;
        rest = Math.floor(rest / 256);
      }
    }
  }
  return records;
}
