import { readFile } from 'node:fs/promises';
import { Dual, type Value } from '../value/Value.js';
import { DataFileError } from './DataFileError.js';
import { fileNotFound } from './openDataFile.js';

/** Records of a JSON file: the union of their keys, and their values as rows in batches. */
export interface JsonRecords {
  readonly fieldNames: readonly string[];
  /** Rows in batches, converted on demand so that only one batch of row arrays is alive at a time. */
  readonly batches: Iterable<Value[][]>;
  readonly rowCount: number;
}

const BATCH_ROWS = 8192;

/**
 * Reads a JSON file holding an array of flat records (or one record).
 * Numbers stay numbers, strings stay text (dates too), booleans become the
 * duals 'true' -1 / 'false' 0 as in Qlik, null or a missing key is null, and
 * nested values are kept as their JSON text.
 */
export async function readJsonFile(absolutePath: string, scriptPath: string): Promise<JsonRecords> {
  const text = await readText(absolutePath, scriptPath);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new DataFileError(
      'SCRIPT_FILE_FORMAT',
      `File '${scriptPath}' is not valid JSON`,
      scriptPath,
      { cause },
    );
  }
  const records = Array.isArray(parsed) ? parsed : [parsed];
  const fieldNames = collectKeys(records, scriptPath);
  return {
    fieldNames,
    batches: rowBatches(records as Record<string, unknown>[], fieldNames),
    rowCount: records.length,
  };
}

/** The union of the records' keys in first-seen order; fails on anything but records. */
function collectKeys(records: readonly unknown[], scriptPath: string): string[] {
  const keys = new Set<string>();
  for (const record of records) {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw new DataFileError(
        'SCRIPT_FILE_FORMAT',
        `File '${scriptPath}' is not an array of records`,
        scriptPath,
      );
    }
    for (const key in record) keys.add(key);
  }
  return [...keys];
}

function* rowBatches(
  records: readonly Record<string, unknown>[],
  fieldNames: readonly string[],
): Generator<Value[][]> {
  const width = fieldNames.length;
  for (let start = 0; start < records.length; start += BATCH_ROWS) {
    const end = Math.min(start + BATCH_ROWS, records.length);
    const batch: Value[][] = new Array<Value[]>(end - start);
    for (let i = start; i < end; i++) {
      const record = records[i];
      const row = new Array<Value>(width);
      for (let c = 0; c < width; c++) row[c] = jsonToValue(record[fieldNames[c]]);
      batch[i - start] = row;
    }
    yield batch;
  }
}

async function readText(absolutePath: string, scriptPath: string): Promise<string> {
  try {
    return await readFile(absolutePath, 'utf8');
  } catch (cause) {
    throw fileNotFound(scriptPath, cause);
  }
}

function jsonToValue(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? new Dual('true', -1) : new Dual('false', 0);
  return JSON.stringify(value);
}
