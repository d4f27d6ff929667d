import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { DataFileError } from './DataFileError.js';

/** Chunk size for streamed reads: large enough to amortise calls, small enough to keep memory flat. */
export const READ_CHUNK_BYTES = 1 << 20;

/** A data file opened for streamed reading, with its size when it was opened. */
export interface OpenDataFile {
  readonly stream: ReadStream;
  readonly size: number;
}

/** Opens a data file for streamed reading, turning a missing file into a `SCRIPT_FILE_NOT_FOUND` error. */
export async function openDataFile(
  absolutePath: string,
  scriptPath: string,
  /** The bytes to read, [start, end) (all by default). */
  range: { readonly start?: number; readonly end?: number } = {},
): Promise<OpenDataFile> {
  const size = await dataFileSize(absolutePath, scriptPath);
  // createReadStream's end is inclusive.
  const end = range.end === undefined ? undefined : range.end - 1;
  const stream = createReadStream(absolutePath, {
    highWaterMark: READ_CHUNK_BYTES,
    start: range.start,
    end,
  });
  return { stream, size };
}

/** The size of a data file, turning a missing file into a `SCRIPT_FILE_NOT_FOUND` error. */
export async function dataFileSize(absolutePath: string, scriptPath: string): Promise<number> {
  try {
    const info = await stat(absolutePath);
    if (!info.isFile()) throw new Error(`${absolutePath} is not a file`);
    return info.size;
  } catch (cause) {
    throw fileNotFound(scriptPath, cause);
  }
}

/** The error for a data file that cannot be opened. */
export function fileNotFound(scriptPath: string, cause: unknown): DataFileError {
  return new DataFileError(
    'SCRIPT_FILE_NOT_FOUND',
    `Cannot open file '${scriptPath}'`,
    scriptPath,
    {
      cause,
    },
  );
}
