import { open } from 'node:fs/promises';
import type { NumberInterpretation } from '../io/textToValue.js';
import { LF } from '../io/charCodes.js';
import type { ColumnBuilder } from './ColumnBuilder.js';
import { LoadWorkerPool } from './LoadWorkerPool.js';
import type { RawDelimitedRows } from './RowStream.js';
import type { ColumnsPart } from './ColumnsPart.js';

/** Files smaller than this are encoded by one thread: handing half over costs more than it saves. */
const SPLIT_MIN_BYTES = 2 * 1024 * 1024;
/**
 * The share of the rows this thread reads before the worker's begin: half.
 * Both threads encode a row for the same CPU (1M-row CSV, thread CPU per
 * 100k rows: 16.3–17.7 ms here, 15.5–18.0 ms in the worker, over ten
 * loads), and what this thread does besides (appending the worker's rows,
 * the model) comes after the worker is done, when it would idle anyway. It
 * was 0.45 while a full GC ran on this thread in most loads (see
 * ColumnBuilder's indexArray); since, this thread finished first in every
 * load and waited for the worker.
 */
export const LOADING_THREAD_SHARE = 0.5;
/** How far past the split point a line feed is looked for. */
const BOUNDARY_WINDOW_BYTES = 64 * 1024;

/**
 * The second half of a delimited file's rows, encoded by the worker thread
 * while this thread encodes the first. `boundary` (an offset into the raw
 * bytes) is the first byte after a line feed near the split point; the worker's
 * rows count only if this thread's rows end exactly there, which proves that
 * line feed ends a row rather than sitting inside a quoted cell.
 */
export interface SecondHalf {
  readonly boundary: number;
  readonly result: Promise<ColumnsPart | undefined>;
}

/** Hands the second half of a large file to the worker; undefined when this load is better done alone. */
export async function startSecondHalf(
  raw: RawDelimitedRows,
  targets: readonly (ColumnBuilder | undefined)[],
  numbers: NumberInterpretation,
): Promise<SecondHalf | undefined> {
  if (!raw.file || raw.byteLength < SPLIT_MIN_BYTES) return undefined;
  const pool = LoadWorkerPool.shared();
  if (!pool?.available) return undefined;
  const { path, offset } = raw.file;
  const start = await rowStartAfter(
    path,
    offset + Math.floor(raw.byteLength * LOADING_THREAD_SHARE),
  );
  if (start === undefined || start >= offset + raw.byteLength) return undefined;
  const result = pool.run({
    kind: 'delimited',
    path,
    start,
    byteLength: offset + raw.byteLength - start,
    format: raw.format,
    numbers,
    loaded: targets.map((target) => target !== undefined),
  });
  return { boundary: start - offset, result };
}

/** The byte after the first line feed at or after `position`, if one is near. */
async function rowStartAfter(path: string, position: number): Promise<number | undefined> {
  const file = await open(path, 'r');
  try {
    const window = new Uint8Array(BOUNDARY_WINDOW_BYTES);
    const { bytesRead } = await file.read(window, 0, window.length, position);
    const at = window.subarray(0, bytesRead).indexOf(LF);
    return at < 0 ? undefined : position + at + 1;
  } finally {
    await file.close();
  }
}

/** The chunks with the one that spans `at` cut in two there, so a piece of rows ends at `at`. */
export async function* cutAt(
  chunks: AsyncIterable<Uint8Array>,
  at: number,
): AsyncGenerator<Uint8Array> {
  let position = 0;
  for await (const chunk of chunks) {
    const end = position + chunk.length;
    if (position < at && end > at) {
      yield chunk.subarray(0, at - position);
      yield chunk.subarray(at - position);
    } else yield chunk;
    position = end;
  }
}
