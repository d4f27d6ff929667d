// The selection's row-bitset scans split by word ranges across the engine's
// threads: each word holds 32 rows, so threads never write the same word.
// The loops read nothing outside themselves (worker threads run their text).
import { accumulator, fillInBlocks, reduceInBlocks } from './inBlocks.js';

/** Marks in `mask` the code of every row whose bit is set in words from..to. */
export function presentCodesBlock(
  from: number,
  to: number,
  words: Uint32Array,
  codes: ArrayLike<number>,
  mask: Float64Array,
): void {
  for (let w = from; w < to; w++) {
    // As a signed 32-bit integer: a word with its top bit set read as an unsigned one
    // is no small integer, and the optimised loop would be thrown away at the first such word.
    let bits = words[w]! | 0;
    if (bits === 0) continue;
    const base = w << 5;
    if (bits === -1) {
      for (let r = base; r < base + 32; r++) mask[codes[r]!] = 1;
      continue;
    }
    while (bits !== 0) {
      const low = bits & -bits;
      mask[codes[base + 31 - Math.clz32(low)]!] = 1;
      bits ^= low;
    }
  }
}

/** Sets words from..to (whole words of 32 rows) to the rows whose code has a 1 in `mask`. */
export function fillFromMaskBlock(
  from: number,
  to: number,
  words: Uint32Array,
  codes: ArrayLike<number>,
  mask: Uint8Array,
): void {
  for (let w = from; w < to; w++) {
    const base = w << 5;
    let bits = 0;
    for (let b = 0; b < 32; b++) bits |= mask[codes[base + b]!]! << b;
    words[w] = bits;
  }
}

/** Clears in words from..to the rows whose code has a 0 in `mask`. */
export function andWithMaskBlock(
  from: number,
  to: number,
  words: Uint32Array,
  codes: ArrayLike<number>,
  mask: Uint8Array,
  rowCount: number,
): void {
  for (let w = from; w < to; w++) {
    if (words[w] === 0) continue;
    const base = w << 5;
    const end = Math.min(base + 32, rowCount);
    let bits = 0;
    for (let r = base; r < end; r++) bits |= mask[codes[r]!]! << (r - base);
    words[w] = words[w]! & bits;
  }
}

/** Which codes the rows set in `words` hold, 1 per present code, on the engine's threads. */
export function presentCodesOnThreads(
  words: Uint32Array,
  codes: ArrayLike<number>,
  codeCount: number,
): Uint8Array {
  const args = [words, codes, accumulator(codeCount, 0, 'max')];
  return Uint8Array.from(reduceInBlocks(presentCodesBlock, args, words.length)[0]!);
}

/** Fills the whole words of `words` (shared) from a column's mask, on the engine's threads. */
export function fillFromMaskOnThreads(
  words: Uint32Array,
  wholeWords: number,
  codes: ArrayLike<number>,
  mask: Uint8Array,
): void {
  fillInBlocks(fillFromMaskBlock, [words, codes, mask], wholeWords);
}

/** Ands `words` (shared) with a column's mask, on the engine's threads. */
export function andWithMaskOnThreads(
  words: Uint32Array,
  rowCount: number,
  codes: ArrayLike<number>,
  mask: Uint8Array,
): void {
  fillInBlocks(andWithMaskBlock, [words, codes, mask, rowCount], words.length);
}
