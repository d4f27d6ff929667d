import { readFile } from 'node:fs/promises';
import { Dual, type Value } from '../value/Value.js';
import { DataFileError } from './DataFileError.js';

/** Records of a JSON file as rows under the union of their keys. */
export interface JsonRecords {
  readonly fieldNames: readonly string[];
  readonly rows: readonly (readonly Value[])[];
}

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
  return recordsToRows(records, scriptPath);
}

async function readText(absolutePath: string, scriptPath: string): Promise<string> {
  try {
    return await readFile(absolutePath, 'utf8');
  } catch (cause) {
    throw new DataFileError(
      'SCRIPT_FILE_NOT_FOUND',
      `Cannot open file '${scriptPath}'`,
      scriptPath,
      { cause },
    );
  }
}

function recordsToRows(records: readonly unknown[], scriptPath: string): JsonRecords {
  const positions = new Map<string, number>();
  const rows: Value[][] = [];
  for (const record of records) {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw new DataFileError(
        'SCRIPT_FILE_FORMAT',
        `File '${scriptPath}' is not an array of records`,
        scriptPath,
      );
    }
    const row: Value[] = new Array<Value>(positions.size).fill(null);
    for (const key in record) {
      let at = positions.get(key);
      if (at === undefined) {
        at = positions.size;
        positions.set(key, at);
      }
      row[at] = jsonToValue((record as Record<string, unknown>)[key]);
    }
    rows.push(row);
  }
  const width = positions.size;
  for (const row of rows) while (row.length < width) row.push(null);
  return { fieldNames: [...positions.keys()], rows };
}

function jsonToValue(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? new Dual('true', -1) : new Dual('false', 0);
  return JSON.stringify(value);
}
