import { randomBytes } from 'node:crypto';
import { open, mkdir, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { DataFileError } from './DataFileError.js';

/**
 * Writes a file through `write` into a temporary file next to it, then
 * renames it into place, so a failed or aborted write leaves the previous
 * file as it was. Errors become SCRIPT_FILE_WRITE naming the script path.
 */
export async function writeFileAtomically(
  absolutePath: string,
  scriptPath: string,
  write: (file: FileHandle) => Promise<void>,
): Promise<void> {
  const temporary = path.join(
    path.dirname(absolutePath),
    `.${path.basename(absolutePath)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await mkdir(path.dirname(absolutePath), { recursive: true });
    const file = await open(temporary, 'w');
    try {
      await write(file);
    } finally {
      await file.close();
    }
    await rename(temporary, absolutePath);
  } catch (cause) {
    await rm(temporary, { force: true });
    if (cause instanceof DataFileError) throw cause;
    throw new DataFileError('SCRIPT_FILE_WRITE', `Cannot write file '${scriptPath}'`, scriptPath, {
      cause,
    });
  }
}
