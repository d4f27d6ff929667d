import {
  asyncBufferFromFile,
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
  type AsyncBuffer,
  type FileMetaData,
  type SchemaElement,
} from 'hyparquet';
import { serialFromDate } from '../../value/dateSerial.js';
import type { FormatSettings } from '../../value/FormatSettings.js';
import type { Value } from '../../value/Value.js';
import { DataFileError } from '../DataFileError.js';
import { fileNotFound } from '../openDataFile.js';
import { booleanValue, dateValue, timestampValue, timeValue } from '../typedValues.js';

/** A Parquet file's columns, then its rows a row group at a time. */
export interface ParquetRows {
  readonly fieldNames: readonly string[];
  readonly rowCount: number;
  readonly batches: AsyncIterable<Value[][]>;
}

type Converter = (cell: unknown) => Value;

/**
 * Opens a Parquet file and streams its rows one row group at a time, so
 * memory holds one group, not the file. Numbers (also INT64 and DECIMAL)
 * are numbers, strings texts, booleans 'true' -1 / 'false' 0, DATE,
 * TIME and TIMESTAMP duals shown with the script's formats, and nested
 * values their JSON text.
 */
export async function readParquetFile(
  absolutePath: string,
  scriptPath: string,
  format: FormatSettings,
): Promise<ParquetRows> {
  let file: AsyncBuffer;
  try {
    file = await asyncBufferFromFile(absolutePath);
  } catch (cause) {
    throw fileNotFound(scriptPath, cause);
  }
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (cause) {
    throw notParquet(scriptPath, cause);
  }
  const columns = parquetSchema(metadata).children;
  const converters = columns.map((column) => converterFor(column.element, format));
  return {
    fieldNames: columns.map((column) => column.element.name),
    rowCount: Number(metadata.num_rows),
    batches: rowGroups(file, metadata, converters, scriptPath),
  };
}

async function* rowGroups(
  file: AsyncBuffer,
  metadata: FileMetaData,
  converters: readonly Converter[],
  scriptPath: string,
): AsyncGenerator<Value[][]> {
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    let rows: unknown[][] = [];
    try {
      await parquetRead({
        file,
        metadata,
        rowStart,
        rowEnd,
        rowFormat: 'array',
        onComplete: (complete: unknown[][]) => (rows = complete),
      });
    } catch (cause) {
      throw notParquet(scriptPath, cause);
    }
    rowStart = rowEnd;
    const batch = new Array<Value[]>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const values = new Array<Value>(converters.length);
      for (let c = 0; c < converters.length; c++) values[c] = converters[c](row[c]);
      batch[r] = values;
    }
    if (batch.length > 0) yield batch;
  }
}

/** How a column's decoded cells become Qlik values, from its logical type. */
function converterFor(element: SchemaElement, format: FormatSettings): Converter {
  const logical = element.logical_type?.type ?? element.converted_type;
  const other = (cell: unknown): Value => plain(cell, format);
  if (logical === 'DATE')
    return (cell) => (cell instanceof Date ? dateValue(serialFromDate(cell), format) : other(cell));
  if (logical === 'TIME' || logical === 'TIME_MILLIS' || logical === 'TIME_MICROS') {
    const perDay = logical === 'TIME_MILLIS' ? 86_400_000 : 86_400_000_000;
    return (cell) =>
      typeof cell === 'number' || typeof cell === 'bigint'
        ? timeValue(Number(cell) / perDay, format)
        : other(cell);
  }
  return other;
}

/** A cell of any other type; a Date (TIMESTAMP, INT96) is a timestamp dual. */
function plain(cell: unknown, format: FormatSettings): Value {
  if (cell === null || cell === undefined) return null;
  switch (typeof cell) {
    case 'number':
      return Number.isNaN(cell) ? null : cell;
    case 'string':
      return cell;
    case 'bigint':
      return Number(cell);
    case 'boolean':
      return booleanValue(cell);
  }
  if (cell instanceof Date) return timestampValue(serialFromDate(cell), format);
  if (cell instanceof Uint8Array) return Buffer.from(cell).toString('hex');
  return JSON.stringify(cell, (_key, value: unknown) =>
    typeof value === 'bigint' ? Number(value) : value,
  );
}

function notParquet(scriptPath: string, cause: unknown): DataFileError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new DataFileError(
    'SCRIPT_FILE_FORMAT',
    `File '${scriptPath}' is not a valid Parquet file: ${reason}`,
    scriptPath,
    { cause },
  );
}
