import { parallelism } from './engineThreads.js';
import { sharedMemory } from './sharedMemoryCollection.js';

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

// Copies made for worker threads, one per source array for as long as it lives:
// a column's codes are copied once per data generation, a frame's rows once per frame.
const copies = new WeakMap<object, Typed>();

// Smaller arrays are cheaper to copy into the message than to share.
const SHARE_FROM_BYTES = 1 << 16;

/**
 * The argument as a worker thread can read it without a copy per message:
 * a big typed array on a SharedArrayBuffer (the array itself when it is,
 * else a shared copy kept beside it); anything else as it is.
 */
export function shareable(arg: unknown): unknown {
  if (!ArrayBuffer.isView(arg) || arg instanceof DataView) return arg;
  const typed = arg as Typed;
  if (typed.buffer instanceof SharedArrayBuffer || typed.byteLength < SHARE_FROM_BYTES)
    return typed;
  let copy = copies.get(typed);
  // A copy is made once per array; arrays the engine allocates for big scans are shared already (rowArray).
  if (!copy) {
    const Constructor = typed.constructor as new (buffer: SharedArrayBuffer) => Typed;
    copy = new Constructor(sharedBuffer(typed.byteLength));
    copy.set(typed);
    copies.set(typed, copy);
  }
  return copy;
}

/** A zeroed Float64Array that worker threads can write into. */
export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(sharedBuffer(length * 8));
}

/**
 * A zeroed array of `length` entries for a scan of `rows` rows, on a SharedArrayBuffer when worker
 * threads may scan it (several threads, a scan big enough to be split, or to
 * run in fixed blocks: a quarter of the split threshold, inBlocks.ts), so they read it without a copy.
 */
export function rowArray<T extends Typed>(
  Constructor: {
    new (length: number): T;
    new (buffer: SharedArrayBuffer): T;
    BYTES_PER_ELEMENT: number;
  },
  length: number,
  rows = length,
): T {
  const { threads, minRows } = parallelism();
  if (threads <= 1 || rows < minRows / 4) return new Constructor(length);
  return new Constructor(sharedBuffer(length * Constructor.BYTES_PER_ELEMENT));
}

/**
 * A SharedArrayBuffer for a computation's arrays, counted: V8 does not count
 * them toward collecting, so the engine does (sharedMemoryCollection.ts).
 */
export function sharedBuffer(bytes: number): SharedArrayBuffer {
  sharedMemory.note(bytes);
  return new SharedArrayBuffer(bytes);
}

/** Whether worker threads write into `array` itself (not into a copy). */
export function isShared(array: ArrayBufferView): boolean {
  return array.buffer instanceof SharedArrayBuffer;
}
