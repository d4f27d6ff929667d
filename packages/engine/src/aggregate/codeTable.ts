// One table from key codes to group ids, kept between groupings: a fresh
// table as big as the key space (up to 16 MB) costs more to allocate and
// fault in than the grouping pass itself when the groups are many.
//
// Entries hold `base + id + 1`; an entry at or below `base` is from an earlier
// pass and reads as empty, so no pass clears the table: each raises `base`
// past every entry it could have written (one per row at most).

let kept: Int32Array | undefined;
let keptBase = 0;
let lent = false;

// Tables up to this many entries are kept for the next pass (16 MB).
const KEEP_LIMIT = 1 << 22;
const MAX_ENTRY = 0x7fffffff;

/**
 * Runs `pass` with a code table of at least `space` entries whose entries
 * all read as empty against `base` (see above), for a pass over `rows` rows.
 */
export function withCodeTable<T>(
  space: number,
  rows: number,
  pass: (table: Int32Array, base: number) => T,
): T {
  // A nested pass, or a space too big to keep, gets a table of its own.
  if (lent || space > KEEP_LIMIT) return pass(new Int32Array(space), 0);
  if (!kept || kept.length < space) {
    kept = new Int32Array(space);
    keptBase = 0;
  } else if (keptBase + rows + 1 > MAX_ENTRY) {
    kept.fill(0);
    keptBase = 0;
  }
  const base = keptBase;
  lent = true;
  try {
    return pass(kept, base);
  } finally {
    keptBase = base + rows;
    lent = false;
  }
}
