import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { DataFileError } from './DataFileError.js';

/** Chunk size for streamed reads: large enough to amortise calls, small enough to keep memory flat. */
export const READ_CHUNK_BYTES = 1 << 20;

/** Opens a data file for streamed reading, turning a missing file into a `SCRIPT_FILE_NOT_FOUND` error. */
export async function openDataFile(absolutePath: string, scriptPath: string): Promise<ReadStream> {
  try {
    const info = await stat(absolutePath);
    if (!info.isFile()) throw new Error(`${absolutePath} is not a file`);
  } catch (cause) {
    throw new DataFileError(
      'SCRIPT_FILE_NOT_FOUND',
      `Cannot open file '${scriptPath}'`,
      scriptPath,
      { cause },
    );
  }
  return createReadStream(absolutePath, { highWaterMark: READ_CHUNK_BYTES });
}
