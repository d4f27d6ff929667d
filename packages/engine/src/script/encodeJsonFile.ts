import { DataFileError } from '../io/DataFileError.js';
import { readJsonColumns } from '../io/readJsonColumns.js';
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
    const { outline, part } = encoded;
    return {
      kind: 'values',
      fieldNames: outline.fieldNames,
      batches: jsonRowBatches(outline),
      encode: (targets) => Promise.resolve(appendColumnsPart(targets, part)),
    };
  }
  const records = await readJsonFile(absolutePath, scriptPath);
  return { kind: 'values', fieldNames: records.fieldNames, batches: records.batches };
}

/** A JSON file's records encoded into columns, as a worker hands them over, and where they lie. */
export interface EncodedJsonFile {
  readonly outline: JsonOutline;
  readonly part: ColumnsPart;
}

/** The job of reading a whole JSON file into columns. */
export interface JsonFileJob {
  readonly kind: 'json-file';
  readonly path: string;
  readonly scriptPath: string;
}

/**
 * Reads a JSON array file in one pass straight into dictionary columns, in
 * the load worker when it is up (whose code stays warm from load to load),
 * else here. Undefined when the file is not a plain array of records or does
 * not parse: the two-pass reader then reads it, or says what is wrong with it.
 */
export async function encodeJsonFile(
  absolutePath: string,
  scriptPath: string,
): Promise<EncodedJsonFile | undefined> {
  const job: JsonFileJob = { kind: 'json-file', path: absolutePath, scriptPath };
  const pool = LoadWorkerPool.shared();
  // The worker answers undefined for a file it cannot read, as here.
  if (pool?.available) return (await pool.run(job)) as EncodedJsonFile | undefined;
  try {
    return await encodeJsonFileHere(job);
  } catch (error) {
    if (error instanceof DataFileError) return undefined;
    throw error;
  }
}

/** Reads the file of a job into columns on this thread (the worker's side of `encodeJsonFile`). */
export async function encodeJsonFileHere(job: JsonFileJob): Promise<EncodedJsonFile | undefined> {
  const read = await readJsonColumns(job.path, job.scriptPath, (name) => new ColumnBuilder(name));
  if (!read) return undefined;
  const part = columnsPart(read.outline.rowCount, read.columns);
  return { outline: read.outline, part };
}
