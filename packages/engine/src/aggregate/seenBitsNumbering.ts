import type { GroupColumn } from './GroupIndex.js';
import { withCodeTable } from './codeTable.js';

// Two-column groupings whose key space is far bigger than a cache (Aggr's
// inner groups by a small field and a 100,000-value one: 2.2M codes, an
// 8.8 MB table) where most rows start a group of their own. The code table
// then costs one cache miss per row; a bitmap of the codes seen (1/32 of the
// table, L2-sized) tells a group's first row from a repeat at a fraction of
// that, and only the repeats' codes go through the table afterwards.

// Key spaces from this size (a 2 MB table, past the L2 cache) try the bitmap.
export const SEEN_BITS_MIN_SPACE = 1 << 19;

/**
 * Numbers the groups of two columns over the same frame rows in the order of
 * their first rows (ids as the code-table numbering gives them), writing each
 * row's id to `ofRow`; undefined (ofRow partly written) when more than 40% of
 * the rows repeat a group, where the code table alone may be cheaper.
 */
export function numberTwoColumnsBySeenBits(
  first: GroupColumn,
  second: GroupColumn,
  stride: number,
  space: number,
  ofRow: Int32Array,
): number | undefined {
  const a = first.symbols;
  const b = second.symbols;
  const rows = first.rows;
  const length = rows.length;
  const seen = seenBits(space);
  // Past this many repeats the table passes below near the cost of the plain
  // table pass (one miss per repeat and per repeated group against one per
  // row). A standalone probe on 300k rows had it ahead up to 40% repeats, and
  // the bench's Aggr shape at 10M rows (31% repeats) used less CPU with it.
  const repeatLimit = Math.floor(length * 0.4);
  // Allocated at the first repeat: the shapes this is for often have none.
  let repeats: Int32Array | undefined;
  let count = 0;
  let repeated = 0;
  try {
    for (let i = 0; i < length; i++) {
      const r = rows[i]!;
      const code = a[r]! + b[r]! * stride;
      const word = code >>> 5;
      const bit = 1 << (code & 31);
      const w = seen[word]!;
      if ((w & bit) === 0) {
        seen[word] = w | bit;
        ofRow[i] = count++;
      } else {
        if (repeated === repeatLimit) return undefined;
        repeats ??= new Int32Array(repeatLimit);
        repeats[repeated++] = i;
      }
    }
  } finally {
    seen.fill(0);
  }
  if (repeats) resolveRepeats(a, b, rows, stride, space, ofRow, repeats, repeated);
  return count;
}

// One bitmap kept between passes (cleared after each, a few hundred KB): a
// fresh one per pass is page faults and garbage for every grouping.
let keptSeen = new Int32Array(0);

function seenBits(space: number): Int32Array {
  const words = (space + 31) >>> 5;
  if (keptSeen.length < words) keptSeen = new Int32Array(words);
  return keptSeen.subarray(0, words);
}

// The repeats' codes are marked, their groups' first rows enter their ids in
// the (lent) code table, and each repeat reads its id from there.
function resolveRepeats(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  rows: Int32Array,
  stride: number,
  space: number,
  ofRow: Int32Array,
  repeats: Int32Array,
  repeated: number,
): void {
  const wanted = new Int32Array((space + 31) >>> 5);
  for (let j = 0; j < repeated; j++) {
    const r = rows[repeats[j]!]!;
    const code = a[r]! + b[r]! * stride;
    wanted[code >>> 5]! |= 1 << (code & 31);
  }
  withCodeTable(space, rows.length, (idOfCode, base) => {
    for (let i = 0, j = 0; i < rows.length; i++) {
      if (j < repeated && repeats[j] === i) {
        j++;
        continue;
      }
      const r = rows[i]!;
      const code = a[r]! + b[r]! * stride;
      if ((wanted[code >>> 5]! & (1 << (code & 31))) !== 0) idOfCode[code] = base + ofRow[i]! + 1;
    }
    for (let j = 0; j < repeated; j++) {
      const i = repeats[j]!;
      const r = rows[i]!;
      ofRow[i] = idOfCode[a[r]! + b[r]! * stride]! - base - 1;
    }
  });
}
