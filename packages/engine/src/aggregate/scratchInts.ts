// Working arrays of one synchronous step (a sort's codes and counts, the first
// rows that a grouping's keys are read through), reused from one computation
// to the next: a chart of 90,000 groups by four dimensions took about 1.7 MB
// of fresh Int32Arrays per look for them, and the engine process faulted
// their pages in again each time (~200 of its ~830 minor faults per GetLayout).

// Past this many entries (8 MB) an array is allocated per call and not kept.
const KEEP_UP_TO = 1 << 21;

/** Who works in a scratch array; each has its own. */
export type ScratchSlot = 'sortCodes' | 'sortStarts' | 'firstRows' | 'groupCodes' | 'glyphTexts';

const kept = new Map<ScratchSlot, Int32Array>();

/**
 * An Int32Array of `length` entries to work in during one synchronous step,
 * the same memory on every call for `slot`: nothing may hold it past the call
 * that asked for it. Zero-filled only when `zeroed`.
 */
export function scratchInts(slot: ScratchSlot, length: number, zeroed: boolean): Int32Array {
  if (length > KEEP_UP_TO) return new Int32Array(length);
  const buffer = kept.get(slot);
  // Sized to the most seen, so a smaller chart after a bigger one allocates nothing.
  if (!buffer || buffer.length < length) {
    const fresh = new Int32Array(length);
    kept.set(slot, fresh);
    return fresh;
  }
  const view = buffer.subarray(0, length);
  if (zeroed) view.fill(0);
  return view;
}
