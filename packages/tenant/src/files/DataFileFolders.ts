import { mkdir, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { checkDataFileName } from './dataFileName.js';
import type { SpooledFile } from './UploadSpool.js';

/** A file found on disk in a data file folder. */
export interface FolderEntry {
  readonly name: string;
  readonly size: number;
}

/**
 * The directories that hold data file content: `files/space/<spaceId>/` for a
 * space, `files/personal/<userId>/` for a personal space, each file at its
 * name (whose `/`s are sub-directories). Names are checked before any path is
 * built, and every path is checked to stay inside its folder.
 */
export class DataFileFolders {
  constructor(readonly root: string) {}

  /** The folder key of a space, or of a user's personal space. */
  static folderOf(spaceId: string | null, ownerId: string): string {
    return spaceId ? `space/${spaceId}` : `personal/${ownerId}`;
  }

  /** The absolute directory of a folder key. */
  dirOf(folder: string): string {
    return join(this.root, ...folder.split('/'));
  }

  /** The absolute path of a file; throws 400 for a name that would leave the folder. */
  pathOf(folder: string, name: string): string {
    const dir = this.dirOf(folder);
    const path = resolve(dir, ...checkDataFileName(name).split('/'));
    const rel = relative(dir, path);
    if (rel === '' || rel.startsWith('..') || rel.startsWith(sep))
      throw new Error(`${name} leaves ${folder}`);
    return path;
  }

  /** Makes a spooled upload the content of a file: one rename, so readers see the old or the new file whole. */
  async commit(file: SpooledFile, folder: string, name: string): Promise<void> {
    const target = this.pathOf(folder, name);
    await mkdir(dirname(target), { recursive: true });
    await rename(file.path, target);
  }

  /** Moves a file to another folder or name. */
  async move(
    fromFolder: string,
    fromName: string,
    toFolder: string,
    toName: string,
  ): Promise<void> {
    const target = this.pathOf(toFolder, toName);
    await mkdir(dirname(target), { recursive: true });
    await rename(this.pathOf(fromFolder, fromName), target);
    await this.pruneEmpty(fromFolder, fromName);
  }

  /** Removes a file (and the logical folders it leaves empty). */
  async remove(folder: string, name: string): Promise<void> {
    await rm(this.pathOf(folder, name), { force: true });
    await this.pruneEmpty(folder, name);
  }

  /** The size of a file on disk, or undefined when it is not there. */
  async sizeOf(folder: string, name: string): Promise<number | undefined> {
    try {
      return (await stat(this.pathOf(folder, name))).size;
    } catch {
      return undefined;
    }
  }

  /** Every file under a folder, with names relative to it (`a/b.csv`). */
  async scan(folder: string): Promise<FolderEntry[]> {
    const dir = this.dirOf(folder);
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    const files: FolderEntry[] = [];
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      files.push({ name: relative(dir, path).split(sep).join('/'), size: (await stat(path)).size });
    }
    return files;
  }

  /** Every folder key that has a directory on disk. */
  async folders(): Promise<string[]> {
    const keys: string[] = [];
    for (const kind of ['space', 'personal']) {
      for (const id of await readdir(join(this.root, kind)).catch(() => [] as string[]))
        keys.push(`${kind}/${id}`);
    }
    return keys;
  }

  private async pruneEmpty(folder: string, name: string): Promise<void> {
    const top = this.dirOf(folder);
    let dir = dirname(this.pathOf(folder, name));
    while (dir !== top && dir.startsWith(top)) {
      try {
        await rmdir(dir);
      } catch {
        return;
      }
      dir = dirname(dir);
    }
  }
}
