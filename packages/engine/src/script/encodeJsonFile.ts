import { stat } from 'node:fs/promises';
import { DataFileError } from '../io/DataFileError.js';
import { readJsonColumns, recordStartNear, type JsonArrayPart } from '../io/readJsonColumns.js';
import { jsonRowBatches, readJsonFile, type JsonOutline } from '../io/readJsonFile.js';
import { ColumnBuilder } from './ColumnBuilder.js';
import { appendColumnsPart, columnsPart, type ColumnsPart } from './ColumnsPart.js';
import { LoadWorkerPool } from './LoadWorkerPool.js';
import type { ValueRowStream } from './RowStream.js';

/**
 * Rows of a JSON file. For a LOAD that takes fields as they are (`takesColumns`)
 * the file is first read in one pass straight into columns, which the LOAD
 * takes whole; the rows are there too, read again from the file, should it
 * need them after all.
 */
export async function jsonRowStream(
  absolutePath: string,
  scriptPath: string,
  takesColumns: boolean,
): Promise<ValueRowStream> {
  const encoded = takesColumns ? await encodeJsonFile(absolutePath, scriptPath) : undefined;
  if (encoded) {
    const { outline } = encoded;
    let taken = false;
    return {
      kind: 'values',
      fieldNames: outline.fieldNames,
      batches: jsonRowBatches(outline),
      encode: (targets) => {
        // The targets take the columns built here as they are: there is one set of them.
        if (taken) throw new Error('the columns of a JSON file are taken once');
        taken = true;
        return Promise.resolve(appendParts(targets, encoded));
      },
    };
  }
  const records = await readJsonFile(absolutePath, scriptPath);
  return { kind: 'values', fieldNames: records.fieldNames, batches: records.batches };
}

/** Records of a JSON file encoded into columns, and where they lie: as a worker posts them, or as built here. */
export type EncodedJsonPart =
  | { readonly outline: JsonOutline; readonly part: ColumnsPart }
  | { readonly outline: JsonOutline; readonly columns: readonly ColumnBuilder[] };

/** A JSON file encoded into columns, in one part or two (the file's first records, then the rest). */
interface EncodedJsonFile {
  /** The whole file's fields (first-seen order), records and runs. */
  readonly outline: JsonOutline;
  /** In file order, each with its own fields (in the second part, some may be missing or new). */
  readonly parts: readonly EncodedJsonPart[];
}

/** The job of reading a JSON file, or a part of it, into columns. */
export interface JsonFileJob {
  readonly kind: 'json-file';
  readonly path: string;
  readonly scriptPath: string;
  readonly part: JsonArrayPart;
}

/** Files smaller than this are read by one thread: the worker alone is done before two would be. */
const SPLIT_MIN_BYTES = 16 * 1024 * 1024;

/**
 * Reads a JSON array file in one pass straight into dictionary columns: a
 * large file by two threads, the worker taking the records from about
 * the middle on (the cut is proven when this thread's part ends exactly
 * between two records there; when it does not, this thread reads the whole
 * file); a smaller one by the load worker alone (its code stays warm from load
 * to load), or here where there is no worker. Undefined when the file is not
 * a plain array of records or does not parse: the two-pass reader then reads
 * it, or says what is wrong with it.
 */
async function encodeJsonFile(
  absolutePath: string,
  scriptPath: string,
): Promise<EncodedJsonFile | undefined> {
  const job = (part: JsonArrayPart): JsonFileJob => ({
    kind: 'json-file',
    path: absolutePath,
    scriptPath,
    part,
  });
  const pool = LoadWorkerPool.shared();
  if (!pool?.available) return whole(await readHereOrUndefined(job({})));
  const size = await fileSize(absolutePath);
  // A file that cannot be read is left to the two-pass reader, which says so.
  if (size < 0) return undefined;
  // This thread merges the worker's part in after both are read, so the two reads should end
  // together: a cut in the middle (the worker also posts its part; this thread sets the load up).
  const near = Math.floor(size / 2);
  const cut = size >= SPLIT_MIN_BYTES ? await recordStartNear(absolutePath, near) : -1;
  // The worker answers undefined for a file it cannot read, as here.
  if (cut < 0) return whole((await pool.run(job({}))) as EncodedJsonPart | undefined);
  const theirs = pool.run(job({ start: cut })) as Promise<EncodedJsonPart | undefined>;
  const mine = await readHereOrUndefined(job({ end: cut }));
  const rest = await theirs;
  if (!mine) return whole(await readHereOrUndefined(job({})));
  return rest ? joined(mine, rest) : undefined;
}

/** The file's size; -1 when it cannot be read. */
async function fileSize(absolutePath: string): Promise<number> {
  try {
    return (await stat(absolutePath)).size;
  } catch {
    return -1;
  }
}

/** Reads a job's records here; undefined for a file the two-pass reader must judge. */
async function readHereOrUndefined(job: JsonFileJob): Promise<EncodedJsonPart | undefined> {
  try {
    const newColumn = (name: string) => new ColumnBuilder(name);
    return await readJsonColumns(job.path, job.scriptPath, newColumn, job.part);
  } catch (error) {
    if (error instanceof DataFileError) return undefined;
    throw error;
  }
}

/** Reads the records of a job into columns, ready to post (the worker's side of `encodeJsonFile`). */
export async function encodeJsonFileHere(
  job: JsonFileJob,
): Promise<{ outline: JsonOutline; part: ColumnsPart } | undefined> {
  const newColumn = (name: string) => new ColumnBuilder(name);
  const read = await readJsonColumns(job.path, job.scriptPath, newColumn, job.part);
  if (!read) return undefined;
  return { outline: read.outline, part: columnsPart(read.outline.rowCount, read.columns) };
}

function whole(part: EncodedJsonPart | undefined): EncodedJsonFile | undefined {
  return part && { outline: part.outline, parts: [part] };
}

/** The two parts as one file: the second part's new keys come after the first's. */
function joined(first: EncodedJsonPart, second: EncodedJsonPart): EncodedJsonFile {
  const names = first.outline.fieldNames;
  const fieldNames = [...names, ...second.outline.fieldNames.filter((n) => !names.includes(n))];
  const outline: JsonOutline = {
    ...first.outline,
    fieldNames,
    rowCount: first.outline.rowCount + second.outline.rowCount,
    runs: [...first.outline.runs, ...second.outline.runs],
  };
  return { outline, parts: [first, second] };
}

/** Appends the parts to the targets (`targets[i]` taking field i of the file), nulls where a part lacks a field. */
function appendParts(
  targets: readonly (ColumnBuilder | undefined)[],
  file: EncodedJsonFile,
): number {
  const { fieldNames } = file.outline;
  for (const encoded of file.parts) {
    const { outline } = encoded;
    const at = fieldNames.map((name) => outline.fieldNames.indexOf(name));
    if ('part' in encoded) {
      const columns = at.map((i) => encoded.part.columns[i]);
      appendColumnsPart(targets, { rows: outline.rowCount, columns });
    } else
      targets.forEach((target, c) => {
        if (target && at[c] >= 0) target.appendColumn(encoded.columns[at[c]]);
      });
    targets.forEach((target, c) => {
      if (at[c] < 0) target?.pushNulls(outline.rowCount);
    });
  }
  return file.outline.rowCount;
}
