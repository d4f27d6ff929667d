// The key lookups of a frame's join (a fact table's rows finding their row
// in a dimension table) split by frame rows across the engine's threads.
// The loops read nothing outside themselves (worker threads run their text).
import { accumulator, fillInBlocks, reduceInBlocks, runsInParallel } from './inBlocks.js';
import { isShared } from './sharedArrays.js';

/** How the frame rows match the child's rows by key (see Frame's joinChild). */
export interface KeyMatches {
  /** 1 for each key code some frame row matches. */
  readonly matched: Uint8Array;
  /** Output rows: per frame row its match count, at least 1. */
  readonly total: number;
  /** The most child rows one frame row matches. */
  readonly most: number;
  /** Whether some frame row matches no child row. */
  readonly childPadded: boolean;
  /** Per chunk of CHUNK_ROWS frame rows, the output rows before it (for expandOnThreads). */
  readonly chunkStarts: Float64Array;
}

// Frame rows per chunk whose output position is known before the expansion.
const CHUNK_ROWS = 4096;

/** Counts, for frame rows from..to, the child rows each matches by key. */
export function keyMatchesBlock(
  from: number,
  to: number,
  parentCodes: ArrayLike<number>,
  parentRows: Int32Array,
  start: Int32Array,
  nullCode: number,
  matched: Float64Array,
  peaks: Float64Array,
  totals: Float64Array,
  chunkTotals: Float64Array,
): void {
  let most = 0;
  let padded = 0;
  let total = 0;
  for (let i = from; i < to; i++) {
    const code = parentCodes[parentRows[i]!]!;
    const count = code < nullCode ? start[code + 1]! - start[code]! : 0;
    if (count > 0) matched[code] = 1;
    else padded = 1;
    if (count > most) most = count;
    const rows = count > 1 ? count : 1;
    total += rows;
    chunkTotals[i >> 12]! += rows;
  }
  peaks[0] = most;
  peaks[1] = padded;
  totals[0] = total;
}

/**
 * Writes, for frame rows from..to, one output row per matching child row
 * (or one with `nullRow` where none matches): the frame row in `source`,
 * the child row in `childOut`, starting where `chunkStarts` says.
 */
export function expandBlock(
  from: number,
  to: number,
  parentCodes: ArrayLike<number>,
  parentRows: Int32Array,
  start: Int32Array,
  members: Int32Array,
  nullCode: number,
  nullRow: number,
  chunkStarts: Float64Array,
  source: Int32Array,
  childOut: Int32Array,
): void {
  const matches = (i: number) => {
    const code = parentCodes[parentRows[i]!]!;
    return code < nullCode ? start[code + 1]! - start[code]! : 0;
  };
  let out = chunkStarts[from >> 12]!;
  for (let i = (from >> 12) << 12; i < from; i++) out += Math.max(matches(i), 1);
  for (let i = from; i < to; i++) {
    const code = parentCodes[parentRows[i]!]!;
    const first = code < nullCode ? start[code]! : 0;
    const last = code < nullCode ? start[code + 1]! : 0;
    if (first === last) {
      source[out] = i;
      childOut[out++] = nullRow;
    }
    for (let m = first; m < last; m++) {
      source[out] = i;
      childOut[out++] = members[m]!;
    }
  }
}

/** Counts the child rows from..to whose key no frame row matched. */
export function orphansBlock(
  from: number,
  to: number,
  childCodes: ArrayLike<number>,
  childRows: Int32Array,
  matched: Uint8Array,
  count: Float64Array,
): void {
  let orphans = 0;
  for (let i = from; i < to; i++) if (!matched[childCodes[childRows[i]!]!]) orphans++;
  count[0]! += orphans;
}

/** Gives each output row its row of a table: the row of its frame row, or `nullRow` for none (-1). */
export function gatherBlock(
  from: number,
  to: number,
  tableRows: Int32Array,
  source: Int32Array,
  nullRow: number,
  out: Int32Array,
): void {
  for (let i = from; i < to; i++) {
    const row = source[i]!;
    out[i] = row < 0 ? nullRow : tableRows[row]!;
  }
}

/** The key matches of `length` frame rows, on the engine's threads. */
export function keyMatchesOnThreads(
  parentCodes: ArrayLike<number>,
  parentRows: Int32Array,
  start: Int32Array,
  nullCode: number,
  length: number,
): KeyMatches {
  const args = [
    parentCodes,
    parentRows,
    start,
    nullCode,
    accumulator(nullCode + 1, 0, 'max'),
    accumulator(2, 0, 'max'),
    accumulator(1, 0, 'count'),
    accumulator(Math.ceil(length / CHUNK_ROWS), 0, 'count'),
  ];
  const [matched, peaks, totals, chunkTotals] = reduceInBlocks(keyMatchesBlock, args, length);
  // Each chunk's start: the output rows of the chunks before it.
  const chunkStarts = chunkTotals!;
  let before = 0;
  for (let c = 0; c < chunkStarts.length; c++) {
    const rows = chunkStarts[c]!;
    chunkStarts[c] = before;
    before += rows;
  }
  return {
    matched: Uint8Array.from(matched!),
    most: peaks![0]!,
    childPadded: peaks![1] === 1,
    total: totals![0]!,
    chunkStarts,
  };
}

/** How many child rows no frame row matched, on the engine's threads. */
export function orphansOnThreads(
  childCodes: ArrayLike<number>,
  childRows: Int32Array,
  matched: Uint8Array,
): number {
  const args = [childCodes, childRows, matched, accumulator(1, 0, 'count')];
  return reduceInBlocks(orphansBlock, args, childRows.length)[0]![0]!;
}

/** Fills `source` and `childOut` (shared) for the frame rows' matches, on the engine's threads. */
export function expandOnThreads(
  match: readonly [ArrayLike<number>, Int32Array, Int32Array, Int32Array, number, number],
  chunkStarts: Float64Array,
  source: Int32Array,
  childOut: Int32Array,
  length: number,
): void {
  fillInBlocks(expandBlock, [...match, chunkStarts, source, childOut], length);
}

/** Fills `out` (shared) with each output row's row of a table, on the engine's threads. */
export function gatherOnThreads(
  tableRows: Int32Array,
  source: Int32Array,
  nullRow: number,
  out: Int32Array,
): void {
  fillInBlocks(gatherBlock, [tableRows, source, nullRow, out], source.length);
}

/**
 * Fills `childOut` for frame rows from..to with each one's child row (keys
 * unique in the child) and marks the key codes met and whether some row met none.
 */
export function lookupMatchBlock(
  from: number,
  to: number,
  parentCodes: ArrayLike<number>,
  parentRows: Int32Array,
  start: Int32Array,
  members: Int32Array,
  nullCode: number,
  nullRow: number,
  childOut: Int32Array,
  matched: Float64Array,
  padded: Float64Array,
): void {
  for (let i = from; i < to; i++) {
    const code = parentCodes[parentRows[i]!]!;
    if (code < nullCode && start[code + 1]! > start[code]!) {
      childOut[i] = members[start[code]!]!;
      matched[code] = 1;
    } else {
      childOut[i] = nullRow;
      padded[0] = 1;
    }
  }
}

/**
 * Each frame row's child row into `childOut` for a child whose keys are
 * unique, in the same pass marking the key codes some frame row met and
 * whether some met none; on the engine's threads for a big frame.
 */
export function lookupMatches(
  lookup: readonly [ArrayLike<number>, Int32Array, Int32Array, Int32Array, number, number],
  childOut: Int32Array,
  length: number,
): { matched: Uint8Array; childPadded: boolean } {
  const nullCode = lookup[4];
  let matched: Float64Array;
  let padded: Float64Array;
  if (runsInParallel(length) && isShared(childOut)) {
    const marks = [accumulator(nullCode + 1, 0, 'max'), accumulator(1, 0, 'max')];
    [matched, padded] = reduceInBlocks(
      lookupMatchBlock,
      [...lookup, childOut, ...marks],
      length,
    ) as [Float64Array, Float64Array];
  } else {
    [matched, padded] = [new Float64Array(nullCode + 1), new Float64Array(1)];
    lookupMatchBlock(0, length, ...lookup, childOut, matched, padded);
  }
  return { matched: Uint8Array.from(matched), childPadded: padded[0] === 1 };
}

/** For child rows from..to, marks the frame row each finds by key (`frameRowOf`) and counts those finding none. */
export function childOrderMatchBlock(
  from: number,
  to: number,
  childCodes: ArrayLike<number>,
  childRows: Int32Array,
  frameRowOf: Int32Array,
  matched: Float64Array,
  orphans: Float64Array,
): void {
  let none = 0;
  for (let j = from; j < to; j++) {
    const i = frameRowOf[childCodes[childRows[j]!]!]!;
    if (i >= 0) matched[i] = 1;
    else none++;
  }
  orphans[0]! += none;
}

/** Gives output rows from..to (one per child row, in the child's order) their parent and child rows. */
export function childOrderFillBlock(
  from: number,
  to: number,
  childCodes: ArrayLike<number>,
  childRows: Int32Array,
  frameRowOf: Int32Array,
  parentRows: Int32Array,
  nullRow: number,
  parentOut: Int32Array,
  childOut: Int32Array,
): void {
  for (let j = from; j < to; j++) {
    const row = childRows[j]!;
    const i = frameRowOf[childCodes[row]!]!;
    parentOut[j] = i >= 0 ? parentRows[i]! : nullRow;
    childOut[j] = row;
  }
}

/** Which frame rows the child rows find, and how many find none, on the engine's threads. */
export function childOrderMatchesOnThreads(
  childCodes: ArrayLike<number>,
  childRows: Int32Array,
  frameRowOf: Int32Array,
  frameRows: number,
): { matched: Uint8Array; orphans: number } {
  const args = [
    childCodes,
    childRows,
    frameRowOf,
    accumulator(frameRows, 0, 'max'),
    accumulator(1, 0, 'count'),
  ];
  const [matched, orphans] = reduceInBlocks(childOrderMatchBlock, args, childRows.length);
  return { matched: Uint8Array.from(matched!), orphans: orphans![0]! };
}

/** Fills the child-order frame's first rows (`parentOut`, `childOut`, shared), on the engine's threads. */
export function childOrderFillOnThreads(
  lookup: readonly [ArrayLike<number>, Int32Array, Int32Array, Int32Array, number],
  parentOut: Int32Array,
  childOut: Int32Array,
): void {
  fillInBlocks(childOrderFillBlock, [...lookup, parentOut, childOut], lookup[1].length);
}
