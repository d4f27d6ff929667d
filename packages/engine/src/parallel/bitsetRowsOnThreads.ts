import { fillInBlocks } from './inBlocks.js';
import { isShared, rowArray } from './sharedArrays.js';

// Words per chunk whose first row's position is counted beforehand.
const CHUNK_WORDS = 1024;

/**
 * The positions of the set bits of `words`, ascending, written on the
 * engine's threads: the set bits before each chunk of words are counted
 * first, so each thread knows where its rows go. Undefined when the rows
 * cannot be shared with the threads.
 */
export function bitsetRowsOnThreads(words: Uint32Array): Int32Array | undefined {
  const chunks = Math.ceil(words.length / CHUNK_WORDS);
  const offsets = new Int32Array(chunks + 1);
  let count = 0;
  for (let c = 0; c < chunks; c++) {
    offsets[c] = count;
    const end = Math.min(words.length, (c + 1) * CHUNK_WORDS);
    for (let w = c * CHUNK_WORDS; w < end; w++) count += popcount(words[w]! | 0);
  }
  offsets[chunks] = count;
  const rows = rowArray(Int32Array, count, words.length * 32);
  if (!isShared(rows)) return undefined;
  fillInBlocks(bitsetRowsBlock, [words, offsets, rows], words.length);
  return rows;
}

/** Writes the positions of the set bits of words from..to where they go in `rows`. */
export function bitsetRowsBlock(
  from: number,
  to: number,
  words: Uint32Array,
  offsets: Int32Array,
  rows: Int32Array,
): void {
  // Words are read as signed 32-bit integers: see presentCodesBlock.
  const ones = (word: number) => {
    let v = (word - ((word >>> 1) & 0x55555555)) | 0;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  };
  const chunk = Math.floor(from / 1024);
  let next = offsets[chunk]!;
  for (let w = chunk * 1024; w < from; w++) next += ones(words[w]! | 0);
  for (let w = from; w < to; w++) {
    let bits = words[w]! | 0;
    if (bits === 0) continue;
    const base = w << 5;
    if (bits === -1) {
      for (let b = 0; b < 32; b++) rows[next++] = base + b;
      continue;
    }
    while (bits !== 0) {
      const low = bits & -bits;
      rows[next++] = base + 31 - Math.clz32(low);
      bits ^= low;
    }
  }
}

/** The number of set bits of a 32-bit word. */
export function popcount(word: number): number {
  let v = (word - ((word >>> 1) & 0x55555555)) | 0;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
