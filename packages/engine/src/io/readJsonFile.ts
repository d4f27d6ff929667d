import { Dual, type Value } from '../value/Value.js';
import { DataFileError } from './DataFileError.js';
import { JsonKeyCollector } from './JsonKeyCollector.js';
import { JsonRecordSplitter, JsonSplitError } from './JsonRecordSplitter.js';
import { openDataFile } from './openDataFile.js';

/** Records of a JSON file: the union of their keys, and their values as rows in batches. */
export interface JsonRecords {
  readonly fieldNames: readonly string[];
  /** Rows in batches, parsed from the file as they are read: one batch of rows is alive at a time. */
  readonly batches: AsyncIterable<Value[][]>;
  readonly rowCount: number;
}

type JsonRecord = Record<string, unknown>;

const BATCH_ROWS = 8192;

/**
 * Reads a JSON file holding an array of flat records (or one record) as a
 * stream, in memory that does not grow with the file: a first pass collects
 * the union of the keys (the field names, in first-seen order), a second
 * hands out the rows. Numbers stay numbers, strings stay text (dates too),
 * booleans become the duals 'true' -1 / 'false' 0 as in Qlik, null or a
 * missing key is null, and nested values are kept as their JSON text.
 */
export async function readJsonFile(absolutePath: string, scriptPath: string): Promise<JsonRecords> {
  const { fieldNames, rowCount } = await collectKeys(absolutePath, scriptPath);
  return { fieldNames, rowCount, batches: rowBatches(absolutePath, scriptPath, fieldNames) };
}

/** The first pass: the union of the records' keys and their count, read from the bytes without parsing the records. */
async function collectKeys(
  absolutePath: string,
  scriptPath: string,
): Promise<{ fieldNames: string[]; rowCount: number }> {
  const { stream } = await openDataFile(absolutePath, scriptPath);
  const keys = new JsonKeyCollector();
  const splitter = new JsonRecordSplitter(keys);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>)
      split(() => splitter.push(chunk), scriptPath);
    const single = split(() => splitter.end(), scriptPath);
    if (single === undefined) return { fieldNames: keys.names, rowCount: splitter.records };
    return {
      fieldNames: Object.keys(asRecord(parse(single, scriptPath), scriptPath)),
      rowCount: 1,
    };
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
  absolutePath: string,
  scriptPath: string,
  fieldNames: readonly string[],
): AsyncGenerator<Value[][]> {
  const width = fieldNames.length;
  for await (const records of recordBatches(absolutePath, scriptPath)) {
    const batch = new Array<Value[]>(records.length);
    for (let r = 0; r < records.length; r++) {
      const row = new Array<Value>(width);
      for (let c = 0; c < width; c++) row[c] = jsonToValue(records[r][fieldNames[c]]);
      batch[r] = row;
    }
    yield batch;
  }
}

/** The file's records, cut into runs of whole records chunk by chunk and parsed natively, handed out in batches. */
async function* recordBatches(
  absolutePath: string,
  scriptPath: string,
): AsyncGenerator<JsonRecord[]> {
  const { stream } = await openDataFile(absolutePath, scriptPath);
  const splitter = new JsonRecordSplitter();
  let pending: JsonRecord[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const run = split(() => splitter.push(chunk), scriptPath);
      if (run !== undefined) {
        for (const value of parse(`[${run}]`, scriptPath) as unknown[])
          pending.push(value as JsonRecord);
      }
      if (pending.length >= BATCH_ROWS) {
        yield pending;
        pending = [];
      }
    }
    const single = split(() => splitter.end(), scriptPath);
    if (single !== undefined) {
      pending.push(asRecord(parse(single, scriptPath), scriptPath));
    }
    if (pending.length > 0) yield pending;
  } finally {
    stream.destroy();
  }
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

function jsonToValue(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? new Dual('true', -1) : new Dual('false', 0);
  return JSON.stringify(value);
}
