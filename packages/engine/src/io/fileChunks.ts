import { open } from 'node:fs/promises';

/** Buffers a reader takes turns with: its consumer may still hold the chunk before the one it reads. */
const BUFFERS = 3;

/**
 * The bytes of a file from `start` on, read in chunks of up to `chunkBytes`
 * into a few buffers used in turn rather than a new one per chunk (a 20 MB
 * file read as fresh chunks made the GC run a full collection per load). A
 * chunk stays valid while the next one is read: a consumer that keeps bytes
 * longer copies them. Closing the iterator (`return`) closes the file.
 */
export async function* fileChunks(
  path: string,
  start: number,
  chunkBytes: number,
): AsyncGenerator<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buffers: Uint8Array[] = [];
    let position = start;
    for (let turn = 0; ; turn = (turn + 1) % BUFFERS) {
      // Allocated on first use, so a small file takes one small buffer.
      buffers[turn] ??= new Uint8Array(chunkBytes);
      const { bytesRead } = await file.read(buffers[turn], 0, chunkBytes, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      yield buffers[turn].subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}
