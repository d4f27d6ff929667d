import { readFile, stat } from 'node:fs/promises';

/** A file's bytes as last read, and the size and time that identify that version. */
export interface CachedFile {
  readonly body: Buffer;
  readonly size: number;
  readonly mtimeMs: number;
}

/**
 * Files kept in memory after their first read, so that a request costs a
 * `stat` instead of reading megabytes of script again; a file whose size or
 * modification time changed (a rebuild) is read again.
 */
export class FileCache {
  private readonly files = new Map<string, CachedFile>();

  /** The file's current bytes, or undefined when it does not exist. */
  async read(path: string): Promise<CachedFile | undefined> {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.files.delete(path);
        return undefined;
      }
      throw error;
    }
    const cached = this.files.get(path);
    if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs) return cached;
    const fresh: CachedFile = {
      body: await readFile(path),
      size: info.size,
      mtimeMs: info.mtimeMs,
    };
    this.files.set(path, fresh);
    return fresh;
  }
}
