import type { GroupColumn } from '../aggregate/GroupIndex.js';
import { accumulator, fillInBlocks, reduceInBlocks, runsInParallel } from './inBlocks.js';
import type { BlockLoop } from './runBlocks.js';
import { isShared, rowArray, sharedBuffer } from './sharedArrays.js';
import { splitPays } from './splitChoice.js';

/** Groups numbered in the order of their first frame row, as the one-thread numbering does. */
export interface NumberedGroups {
  readonly count: number;
  readonly ofRow: Int32Array;
  readonly firstRow: Int32Array;
}

// Key spaces up to this size keep one first-row slot per key code per thread (8 MB).
const SPACE_LIMIT = 1 << 20;

const codeLoops = new Map<number, BlockLoop>();

/**
 * Numbers the groups that `columns` form over `length` frame rows on the
 * engine's threads: one pass computes each row's key code and each code's
 * first row, then the codes are numbered by first row (so ids are those of
 * the one-thread numbering) and a second pass gives every row its id.
 * Undefined when the scan is too small or the key space too big for it.
 */
export function numberGroupsOnThreads(
  columns: readonly GroupColumn[],
  length: number,
  strides: readonly number[],
): NumberedGroups | undefined {
  const space = strides[columns.length]!;
  if (!runsInParallel(length) || space > SPACE_LIMIT) return undefined;
  // Its two passes on this thread cost more than the one-thread numbering.
  const loop = codeLoop(columns.length);
  if (!splitPays(loop)) return undefined;
  // The key codes go where the ids will be: the second pass replaces each by its id.
  const ofRow = rowArray(Int32Array, length);
  if (!isShared(ofRow)) return undefined;
  const args: unknown[] = [ofRow, accumulator(space, Infinity, 'min')];
  columns.forEach((column, c) => args.push(column.symbols, column.rows, strides[c]));
  const first = reduceInBlocks(loop, args, length)[0]!;
  // The first rows marked in a bitset and read back in order give the codes by first row
  // (ofRow still holds each row's code), with no sort.
  const marks = new Uint32Array((length + 31) >>> 5);
  let present = 0;
  for (let code = 0; code < space; code++) {
    const row = first[code]!;
    if (row === Infinity) continue;
    marks[row >>> 5]! |= 1 << (row & 31);
    present++;
  }
  const idOfCode = new Int32Array(sharedBuffer(space * 4));
  const firstRow = new Int32Array(present);
  let id = 0;
  for (let w = 0; w < marks.length; w++) {
    for (let bits = marks[w]!; bits !== 0; bits &= bits - 1) {
      const row = (w << 5) + 31 - Math.clz32(bits & -bits);
      idOfCode[ofRow[row]!] = id;
      firstRow[id++] = row;
    }
  }
  fillInBlocks(idsBlock, [ofRow, idOfCode], length);
  return { count: present, ofRow, firstRow };
}

/**
 * Per group, its parent group (`parents[ofRow[i]] = outerOfRow[i]`), the rows
 * split across the engine's threads: rows of one group write the same parent,
 * so the answer does not depend on which thread writes last. False (nothing
 * written) when the scan is too small or the arrays are not shared.
 */
export function parentsOnThreads(
  ofRow: Int32Array,
  outerOfRow: Int32Array,
  parents: Int32Array,
): boolean {
  if (!runsInParallel(ofRow.length) || ![ofRow, outerOfRow, parents].every(isShared)) return false;
  fillInBlocks(parentsBlock, [ofRow, outerOfRow, parents], ofRow.length);
  return true;
}

/** Writes the parent group of the groups of rows from..to. */
export function parentsBlock(
  from: number,
  to: number,
  ofRow: Int32Array,
  outerOfRow: Int32Array,
  parents: Int32Array,
): void {
  for (let i = from; i < to; i++) parents[ofRow[i]!] = outerOfRow[i]!;
}

/** Replaces the key code of rows from..to by its group id. */
export function idsBlock(from: number, to: number, ofRow: Int32Array, idOfCode: Int32Array): void {
  for (let i = from; i < to; i++) ofRow[i] = idOfCode[ofRow[i]!]!;
}

// The key code of rows from..to and each code's first row, for a number of columns (generated once each).
function codeLoop(columns: number): BlockLoop {
  let loop = codeLoops.get(columns);
  if (!loop) {
    const params = Array.from({ length: columns }, (_, c) => [`s${c}`, `r${c}`, `k${c}`]).flat();
    const code = Array.from({ length: columns }, (_, c) => `s${c}[r${c}[i]] * k${c}`).join(' + ');
    const source = `for (let i = from; i < to; i++) {
      const code = ${code};
      codes[i] = code;
      if (i < first[code]) first[code] = i;
    }`;
    loop = new Function('from', 'to', 'codes', 'first', ...params, source) as BlockLoop;
    codeLoops.set(columns, loop);
  }
  return loop;
}
