/** Where one field's symbol index sits in each record, and where the decoded indexes go. */
export interface QvdIndexTarget {
  readonly bitOffset: number;
  readonly bitWidth: number;
  readonly bias: number;
  readonly symbolCount: number;
  readonly name: string;
  /** Receives one symbol index per record (-1 for NULL). */
  readonly indexes: Int32Array;
}

/**
 * Decodes `recordCount` records of a QVD index table into the targets'
 * index arrays, starting at row `firstRow`. A record is read as a
 * little-endian bit string; a field's bits plus its bias are the symbol
 * index, and a negative index is NULL. Throws on an index past the symbols.
 */
export function decodeQvdIndexes(
  records: Uint8Array,
  recordSize: number,
  recordCount: number,
  firstRow: number,
  targets: readonly QvdIndexTarget[],
): void {
  for (const target of targets) decodeField(records, recordSize, recordCount, firstRow, target);
}

function decodeField(
  records: Uint8Array,
  recordSize: number,
  recordCount: number,
  firstRow: number,
  target: QvdIndexTarget,
): void {
  const { bitWidth, bias, symbolCount, indexes } = target;
  const shift = target.bitOffset & 7;
  const byteSpan = Math.ceil((shift + bitWidth) / 8);
  let pos = target.bitOffset >> 3;
  let badIndex = -1;
  if (symbolCount === 0 || bitWidth === 0) {
    // One code for every row: NULL, or the bias itself as the symbol index.
    const index = symbolCount === 0 || bias < 0 ? -1 : bias;
    if (index >= symbolCount) badIndex = index;
    indexes.fill(index, firstRow, firstRow + recordCount);
  } else if (byteSpan <= 4) {
    const mask = bitWidth === 32 ? -1 : (1 << bitWidth) - 1;
    for (let r = 0; r < recordCount; r++, pos += recordSize) {
      let word = records[pos];
      if (byteSpan > 1) word |= records[pos + 1] << 8;
      if (byteSpan > 2) word |= records[pos + 2] << 16;
      if (byteSpan > 3) word |= records[pos + 3] << 24;
      const index = (((word >>> shift) & mask) >>> 0) + bias;
      if (index >= symbolCount) badIndex = index;
      indexes[firstRow + r] = index < 0 ? -1 : index;
    }
  } else {
    // 33 to 39 bits from the first byte: past what 32-bit bit operators hold.
    const span = 2 ** bitWidth;
    for (let r = 0; r < recordCount; r++, pos += recordSize) {
      const low =
        (records[pos] |
          (records[pos + 1] << 8) |
          (records[pos + 2] << 16) |
          (records[pos + 3] << 24)) >>>
        0;
      const word = low + records[pos + 4] * 2 ** 32;
      const index = (Math.floor(word / 2 ** shift) % span) + bias;
      if (index >= symbolCount) badIndex = index;
      indexes[firstRow + r] = index < 0 ? -1 : index;
    }
  }
  if (badIndex >= 0)
    throw new Error(
      `field '${target.name}' refers to symbol ${badIndex} of ${symbolCount} in the index table`,
    );
}
