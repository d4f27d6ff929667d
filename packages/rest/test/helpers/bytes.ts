import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

/** Deterministic bytes: chunk `index` of `size` bytes, different for every chunk. */
export function patternChunk(index: number, size: number): Buffer<ArrayBuffer> {
  const chunk = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4) chunk.writeUInt32LE((index * 2654435761 + i) >>> 0, i);
  return chunk;
}

/** A Node Readable producing `count` pattern chunks lazily, as they are pulled. */
export function patternReadable(count: number, size: number): Readable {
  let index = 0;
  return new Readable({
    read() {
      this.push(index < count ? patternChunk(index++, size) : null);
    },
  });
}

/** SHA-256 of the same bytes `patternReadable(count, size)` produces. */
export function patternHash(count: number, size: number): string {
  const hash = createHash('sha256');
  for (let i = 0; i < count; i++) hash.update(patternChunk(i, size));
  return hash.digest('hex');
}
