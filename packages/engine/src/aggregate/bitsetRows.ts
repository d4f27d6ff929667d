import { bitsetRowsBlock, bitsetRowsOnThreads, popcount } from '../parallel/bitsetRowsOnThreads.js';
import { runsInParallel } from '../parallel/inBlocks.js';
import { rowArray } from '../parallel/sharedArrays.js';

/** The positions of the set bits of a bitset of 32-bit words, ascending. */
export function bitsetRows(words: Uint32Array): Int32Array {
  const threaded = runsInParallel(words.length * 32) ? bitsetRowsOnThreads(words) : undefined;
  if (threaded) return threaded;
  let count = 0;
  for (let w = 0; w < words.length; w++) count += popcount(words[w]! | 0);
  const rows = rowArray(Int32Array, count);
  bitsetRowsBlock(0, words.length, words, NO_OFFSETS, rows);
  return rows;
}

// One pass over every word: the rows start at 0.
const NO_OFFSETS = new Int32Array(1);
