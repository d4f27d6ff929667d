import { encodeJsonRecords } from '../io/jsonRecordValues.js';
import { readJsonRuns, type JsonOutline } from '../io/readJsonFile.js';
import type { ColumnBuilder } from './ColumnBuilder.js';
import { appendColumnsPart, type ColumnsPart } from './ColumnsPart.js';
import { LoadWorkerPool } from './LoadWorkerPool.js';

/** Files smaller than this are encoded by one thread: handing half over costs more than it saves. */
const SPLIT_MIN_BYTES = 2 * 1024 * 1024;

/**
 * Encodes a JSON file's records straight into dictionary columns, run by run
 * as the first pass found them. When the file is large the worker thread
 * takes the second half of the runs (their places are known, so the cut is
 * exact); its columns are appended in first-seen order, as one thread makes them.
 */
export async function encodeJsonFile(
  outline: JsonOutline,
  targets: readonly (ColumnBuilder | undefined)[],
  pause: () => Promise<void>,
): Promise<number> {
  const { runs, fieldNames } = outline;
  const cut = secondHalfStart(runs);
  const pool = cut > 0 ? LoadWorkerPool.shared() : undefined;
  const theirs = pool?.available ? runs.slice(cut) : [];
  const part: Promise<ColumnsPart | undefined> | undefined = pool?.available
    ? pool.run({
        kind: 'json',
        outline: {
          path: outline.path,
          scriptPath: outline.scriptPath,
          fieldNames,
          rowCount: 0,
          runs: [],
        },
        runs: theirs,
        loaded: targets.map((target) => target !== undefined),
      })
    : undefined;
  let rows = 0;
  const encode = async (part: readonly number[]): Promise<void> => {
    for await (const records of readJsonRuns(outline, part)) {
      encodeJsonRecords(records, fieldNames, targets);
      rows += records.length;
      await pause();
    }
  };
  await encode(part ? runs.slice(0, cut) : runs);
  if (!part) return rows;
  const result = await part;
  // The worker failed (a run that does not parse, say): the runs are read here, and fail here.
  if (!result) await encode(theirs);
  return result ? rows + appendColumnsPart(targets, result) : rows;
}

/** The index in `runs` of the first run of the second half by bytes; 0 when the file is too small to split. */
function secondHalfStart(runs: readonly number[]): number {
  if (runs.length < 4) return 0;
  const start = runs[0];
  const end = runs[runs.length - 1];
  if (end - start < SPLIT_MIN_BYTES) return 0;
  const middle = start + (end - start) / 2;
  for (let i = 2; i < runs.length; i += 2) if (runs[i] >= middle) return i;
  return 0;
}
