/** A copy of `array` with room for `capacity` entries (the dictionaries' and scanners' growth step). */
export function grownInt32(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(capacity);
  next.set(array);
  return next;
}
