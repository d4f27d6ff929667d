import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileChunks } from '../../src/io/fileChunks.js';

// The reader reuses three buffers in turn: each chunk must hold the file's
// bytes at its place while the next one is read, and closing early must
// release the file.

let dir: string;
const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 31 + (i >> 8)) & 0xff);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'qlikit-chunks-'));
  await writeFile(path.join(dir, 'data.bin'), bytes);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('fileChunks', () => {
  it('reads the file from a position in chunks, each intact while the next is read', async () => {
    const file = path.join(dir, 'data.bin');
    for (const start of [0, 1, 4095, 9_999, 10_000]) {
      const read: number[] = [];
      let previous: Uint8Array | undefined;
      let previousCopy: number[] = [];
      for await (const chunk of fileChunks(file, start, 1000)) {
        expect(chunk.length).toBeLessThanOrEqual(1000);
        // The chunk before this one is still as it was read.
        if (previous) expect([...previous]).toEqual(previousCopy);
        previous = chunk;
        previousCopy = [...chunk];
        read.push(...chunk);
      }
      expect(read).toEqual([...bytes.subarray(start)]);
    }
  });

  it('stops early when closed, and an unopened reader needs no closing', async () => {
    const chunks = fileChunks(path.join(dir, 'data.bin'), 0, 1000);
    const first = await chunks.next();
    expect(first.done).toBe(false);
    await chunks.return(undefined);
    expect((await chunks.next()).done).toBe(true);
    await fileChunks(path.join(dir, 'missing.bin'), 0, 1000).return(undefined);
    await expect(fileChunks(path.join(dir, 'missing.bin'), 0, 1000).next()).rejects.toThrow(
      /ENOENT/,
    );
  });
});
