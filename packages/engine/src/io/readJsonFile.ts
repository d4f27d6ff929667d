import { JSONParser } from '@streamparser/json';
import { Dual, type Value } from '../value/Value.js';
import { DataFileError } from './DataFileError.js';
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
  const keys = new Set<string>();
  let rowCount = 0;
  for await (const records of recordBatches(absolutePath, scriptPath)) {
    rowCount += records.length;
    for (const record of records) for (const key in record) keys.add(key);
  }
  const fieldNames = [...keys];
  return { fieldNames, rowCount, batches: rowBatches(absolutePath, scriptPath, fieldNames) };
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

/** The file's records, parsed chunk by chunk and handed out in batches. */
async function* recordBatches(
  absolutePath: string,
  scriptPath: string,
): AsyncGenerator<JsonRecord[]> {
  const { stream } = await openDataFile(absolutePath, scriptPath);
  let parser: JSONParser | undefined;
  let pending: JsonRecord[] = [];
  let failure: DataFileError | undefined;
  const fail = (message: string, cause?: unknown): void => {
    failure ??= new DataFileError('SCRIPT_FILE_FORMAT', message, scriptPath, { cause });
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let bytes: Uint8Array = chunk;
      if (!parser) {
        const start = firstSignificantByte(bytes);
        if (start < 0) continue;
        bytes = bytes.subarray(start);
        // An array holds the records; anything else is one record.
        parser = new JSONParser({ paths: [bytes[0] === 0x5b ? '$.*' : '$'], keepStack: false });
        parser.onValue = ({ value }) => {
          if (value === null || typeof value !== 'object' || Array.isArray(value))
            fail(`File '${scriptPath}' is not an array of records`);
          else pending.push(value as JsonRecord);
        };
        parser.onError = (cause) =>
          fail(`File '${scriptPath}' is not valid JSON: ${cause.message}`, cause);
      }
      parser.write(bytes);
      if (failure) throw failure;
      if (pending.length >= BATCH_ROWS) {
        yield pending;
        pending = [];
      }
    }
    if (!parser)
      throw new DataFileError('SCRIPT_FILE_FORMAT', `File '${scriptPath}' is empty`, scriptPath);
    if (!parser.isEnded) parser.end();
    if (failure) throw failure;
    if (pending.length > 0) yield pending;
  } finally {
    stream.destroy();
  }
}

/** Where the JSON text starts: past a byte order mark and blanks; -1 when the chunk has none of it. */
function firstSignificantByte(bytes: Uint8Array): number {
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    at < bytes.length &&
    (bytes[at] === 0x20 || bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x09)
  )
    at++;
  return at < bytes.length ? at : -1;
}

function jsonToValue(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? new Dual('true', -1) : new Dual('false', 0);
  return JSON.stringify(value);
}
