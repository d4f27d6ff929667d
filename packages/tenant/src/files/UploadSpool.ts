import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '../server/ApiError.js';

/** An upload written completely to a temporary file and flushed to disk. */
export interface SpooledFile {
  readonly path: string;
  readonly size: number;
}

/**
 * Where uploads land before they are committed: each is streamed to a file of
 * its own in `tmp/` (constant memory whatever its size), counted against the
 * size limit (413 past it), and fsync'ed, so that what a later rename makes
 * visible is complete. Whatever is left here at start-up is an upload that
 * never committed, and is removed.
 */
export class UploadSpool {
  constructor(
    readonly dir: string,
    /** Largest upload accepted, in bytes. */
    readonly maxBytes: number,
  ) {}

  /** Empties the directory of uploads a previous run left unfinished. */
  async init(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    for (const name of await readdir(this.dir))
      await rm(join(this.dir, name), { force: true, recursive: true });
  }

  /** Streams `source` to a new temporary file; throws 413 (and removes it) past the size limit. */
  async spool(source: Readable): Promise<SpooledFile> {
    const path = join(this.dir, randomUUID());
    let size = 0;
    const maxBytes = this.maxBytes;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > maxBytes)
          callback(ApiError.tooLarge(`Uploads are limited to ${maxBytes} bytes`));
        else callback(null, chunk);
      },
    });
    try {
      await pipeline(source, counter, createWriteStream(path, { flags: 'wx' }));
      // fsync applies to the file whatever descriptor asks: the bytes are on disk before a rename shows them.
      const handle = await open(path, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    return { path, size };
  }

  /** Removes a spooled file that will not be committed. */
  async discard(file: SpooledFile | undefined): Promise<void> {
    if (file) await rm(file.path, { force: true });
  }
}
