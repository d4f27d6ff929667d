/** A copy of `array` with room for `capacity` entries (the dictionaries' and scanners' growth step). */
export function grownInt32(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(capacity);
  next.set(array);
  return next;
}

/** A copy of `bytes[0, used)` in a buffer doubled until it holds `minimum` bytes. */
export function grownBytes(
  bytes: Uint8Array,
  used: number,
  minimum: number,
): Uint8Array<ArrayBuffer> {
  let capacity = bytes.length * 2;
  while (capacity < minimum) capacity *= 2;
  const next = new Uint8Array(capacity);
  next.set(bytes.subarray(0, used));
  return next;
}
