import { open, type FileHandle } from 'node:fs/promises';
import type { Value } from '../value/Value.js';
import { jsonToValue, type JsonRecord } from './jsonRecordValues.js';
import { DataFileError } from './DataFileError.js';
import { JsonKeyCollector } from './JsonKeyCollector.js';
import { JsonRecordSplitter, JsonSplitError } from './JsonRecordSplitter.js';
import { fileNotFound, openDataFile } from './openDataFile.js';

/** Records of a JSON file: the union of their keys, and their values as rows in batches. */
export interface JsonRecords {
  readonly fieldNames: readonly string[];
  /** Rows in batches, parsed from the file as they are read: one batch of rows is alive at a time. */
  readonly batches: AsyncIterable<Value[][]>;
  readonly rowCount: number;
}

/**
 * Reads a JSON file holding an array of flat records (or one record) as a
 * stream, in memory that does not grow with the file: a first pass collects
 * the union of the keys (the field names, in first-seen order), a second
 * hands out the rows. Numbers stay numbers, strings stay text (dates too),
 * booleans become the duals 'true' -1 / 'false' 0 as in Qlik, null or a
 * missing key is null, and nested values are kept as their JSON text.
 */
export async function readJsonFile(absolutePath: string, scriptPath: string): Promise<JsonRecords> {
  const outline = await collectKeys(absolutePath, scriptPath);
  const { fieldNames, rowCount } = outline;
  return { fieldNames, rowCount, batches: jsonRowBatches(outline) };
}

/** The rows of the records an outline places, in batches, one run parsed at a time. */
export function jsonRowBatches(outline: JsonOutline): AsyncIterable<Value[][]> {
  return rowBatches(readJsonRuns(outline), outline.fieldNames);
}

/** What the first pass learns: the field names, the record count, and where the runs of records lie. */
export interface JsonOutline {
  readonly path: string;
  readonly scriptPath: string;
  readonly fieldNames: string[];
  readonly rowCount: number;
  /** [start, end) byte offsets of runs of whole records, in pairs. */
  readonly runs: readonly number[];
  /** The record, when the file is one record rather than an array. */
  readonly single?: JsonRecord;
}

/** The first pass: the union of the records' keys, their count and the runs, read from the bytes without parsing the records. */
async function collectKeys(absolutePath: string, scriptPath: string): Promise<JsonOutline> {
  const { stream } = await openDataFile(absolutePath, scriptPath);
  const keys = new JsonKeyCollector();
  const splitter = new JsonRecordSplitter(keys, false);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>)
      split(() => splitter.push(chunk), scriptPath);
    const text = split(() => splitter.end(), scriptPath);
    const file = { path: absolutePath, scriptPath };
    if (text === undefined)
      return { ...file, fieldNames: keys.names, rowCount: splitter.records, runs: splitter.runs };
    const single = asRecord(parse(text, scriptPath), scriptPath);
    return { ...file, fieldNames: Object.keys(single), rowCount: 1, runs: [], single };
  } finally {
    stream.destroy();
  }
}

function asRecord(value: unknown, scriptPath: string): JsonRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new DataFileError(
      'SCRIPT_FILE_FORMAT',
      `File '${scriptPath}' is not an array of records`,
      scriptPath,
    );
  return value as JsonRecord;
}

async function* rowBatches(
  runs: AsyncIterable<JsonRecord[]> | Iterable<JsonRecord[]>,
  fieldNames: readonly string[],
): AsyncGenerator<Value[][]> {
  const width = fieldNames.length;
  for await (const records of runs) {
    const batch = new Array<Value[]>(records.length);
    for (let r = 0; r < records.length; r++) {
      const row = new Array<Value>(width);
      for (let c = 0; c < width; c++) row[c] = jsonToValue(records[r][fieldNames[c]]);
      batch[r] = row;
    }
    yield batch;
  }
}

/**
 * The second pass: each run of records the first pass found, read at its
 * place and parsed natively, one run (about one read chunk) alive at a time.
 */
async function* readJsonRuns(outline: JsonOutline): AsyncGenerator<JsonRecord[]> {
  if (outline.single) {
    yield [outline.single];
    return;
  }
  const { path: absolutePath, scriptPath, runs } = outline;
  const file = await openFile(absolutePath, scriptPath);
  let buffer = Buffer.alloc(0);
  try {
    for (let i = 0; i < runs.length; i += 2) {
      const length = runs[i + 1] - runs[i];
      if (buffer.length < length) buffer = Buffer.allocUnsafe(length);
      const { bytesRead } = await file.read(buffer, 0, length, runs[i]);
      if (bytesRead < length) throw changedFile(scriptPath);
      yield parse(`[${buffer.toString('utf8', 0, length)}]`, scriptPath) as JsonRecord[];
    }
  } finally {
    await file.close();
  }
}

async function openFile(absolutePath: string, scriptPath: string): Promise<FileHandle> {
  try {
    return await open(absolutePath, 'r');
  } catch (cause) {
    throw fileNotFound(scriptPath, cause);
  }
}

function changedFile(scriptPath: string): DataFileError {
  return new DataFileError(
    'SCRIPT_FILE_FORMAT',
    `File '${scriptPath}' changed while it was read`,
    scriptPath,
  );
}

/** Runs a step of the splitter, turning its faults into SCRIPT_FILE_FORMAT errors. */
function split(step: () => string | undefined, scriptPath: string): string | undefined {
  try {
    return step();
  } catch (cause) {
    if (!(cause instanceof JsonSplitError)) throw cause;
    const what =
      cause.fault === 'not-records' ? cause.message : `is not valid JSON: it ${cause.message}`;
    throw new DataFileError('SCRIPT_FILE_FORMAT', `File '${scriptPath}' ${what}`, scriptPath, {
      cause,
    });
  }
}

function parse(text: string, scriptPath: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new DataFileError(
      'SCRIPT_FILE_FORMAT',
      `File '${scriptPath}' is not valid JSON: ${message}`,
      scriptPath,
      { cause },
    );
  }
}
