import { concatBytes } from '../io/concatBytes.js';
import type { ByteRowEncoder } from './ByteRowEncoder.js';
import { MAX_CARRY_BYTES, rowAlignedPieces } from './rowAlignedPieces.js';

/** Where a byte encode stands after a piece. */
export interface RowPieceStep {
  /** Bytes of the source cut into pieces so far. */
  readonly position: number;
  /** Whether a row whose quoted cell runs past the piece waits for the next one. */
  readonly carrying: boolean;
}

/**
 * Encodes a delimited source's bytes with `encoder`, piece of whole rows by
 * piece (a row whose quoted cell runs past a piece is carried into the next);
 * yields after each piece, so the caller can pause or stop there. Returns the
 * bytes it left to the text parser, from the row the encoder stopped at (a
 * bare CR, a quote that never closes) or a row longer than `MAX_CARRY_BYTES`,
 * followed by the pieces not read yet; undefined when every row was encoded.
 * `byteLength`, the source's size, presizes the columns after the first piece.
 */
export async function* encodeRowPieces(
  encoder: ByteRowEncoder,
  chunks: AsyncIterable<Uint8Array>,
  byteLength: number,
): AsyncGenerator<RowPieceStep, AsyncIterable<Uint8Array> | undefined> {
  const pieces = rowAlignedPieces(chunks)[Symbol.asyncIterator]();
  let first = true;
  let position = 0;
  let carry: Uint8Array | undefined;
  for (;;) {
    const next = await pieces.next();
    if (!next.done) position += next.value.length;
    const buf = next.done ? carry : carry ? concatBytes(carry, next.value) : next.value;
    if (!buf) return undefined;
    const used = encoder.encode(buf, !next.done);
    if (first) encoder.reserveFor(byteLength / Math.max(used, 1));
    first = false;
    carry = used < buf.length ? buf.subarray(used) : undefined;
    // A quote that never closes would make every piece join the carry; the text parser takes over instead.
    if (encoder.stopped || (carry && carry.length > MAX_CARRY_BYTES))
      return restOf(carry ?? new Uint8Array(0), pieces);
    if (next.done) return undefined;
    yield { position, carrying: carry !== undefined };
  }
}

/** The bytes left in the current piece, then the pieces not read yet. */
async function* restOf(
  first: Uint8Array,
  chunks: AsyncIterator<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  if (first.length > 0) yield first;
  for (;;) {
    const next = await chunks.next();
    if (next.done) return;
    yield next.value;
  }
}
