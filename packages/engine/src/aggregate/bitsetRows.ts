/** The positions of the set bits of a bitset of 32-bit words, ascending. */
export function bitsetRows(words: Uint32Array): Int32Array {
  let count = 0;
  for (let w = 0; w < words.length; w++) count += popcount(words[w]!);
  const rows = new Int32Array(count);
  let next = 0;
  for (let w = 0; w < words.length; w++) {
    let bits = words[w]!;
    if (bits === 0) continue;
    const base = w << 5;
    if (bits === 0xffffffff) {
      for (let b = 0; b < 32; b++) rows[next++] = base + b;
      continue;
    }
    while (bits !== 0) {
      const low = bits & -bits;
      rows[next++] = base + 31 - Math.clz32(low);
      bits ^= low;
    }
  }
  return rows;
}

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
