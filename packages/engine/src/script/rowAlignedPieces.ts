import { LF } from '../io/charCodes.js';
import { concatBytes } from '../io/concatBytes.js';

/** The most bytes a row may span before the byte scanner leaves it to the text parser. */
export const MAX_CARRY_BYTES = 8 * 1024 * 1024;

/**
 * Re-cuts file chunks into pieces of whole rows (each ends with a line feed,
 * but the file's last one). Only the row that straddles two chunks is copied.
 */
export async function* rowAlignedPieces(
  chunks: AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  let tail: Uint8Array | undefined;
  for await (const value of chunks) {
    const chunk = plainBytes(value);
    const last = chunk.lastIndexOf(LF);
    if (last < 0) {
      tail = tail ? concatBytes(tail, chunk) : chunk;
      continue;
    }
    let from = 0;
    if (tail) {
      from = chunk.indexOf(LF) + 1;
      yield concatBytes(tail, chunk.subarray(0, from));
    }
    if (last + 1 > from) yield chunk.subarray(from, last + 1);
    tail = last + 1 < chunk.length ? chunk.subarray(last + 1) : undefined;
  }
  if (tail) yield tail;
}

/**
 * The same bytes as a plain Uint8Array: file chunks are Buffers, joined ones
 * are not, and one shape keeps the scanning loop monomorphic.
 */
function plainBytes(chunk: Uint8Array): Uint8Array {
  return chunk.constructor === Uint8Array
    ? chunk
    : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
