import type { SchemaElement } from 'hyparquet-writer';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { inferQvdNumberFormat } from '../qvd/inferQvdNumberFormat.js';
import type { FormatSettings } from '../../value/FormatSettings.js';
import { toText } from '../../value/toText.js';
import { Dual, type Value } from '../../value/Value.js';
import { writeFileAtomically } from '../writeFileAtomically.js';

/** A column to store: its dictionary and one index per row (-1 for NULL). */
export interface ParquetWriteColumn {
  readonly name: string;
  readonly values: readonly Value[];
  readonly indexes: Int32Array;
}

/** Days between the Unix epoch and Qlik's day 0. */
const EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;

/**
 * Writes columns as a Parquet file (snappy-compressed), each with the type
 * its values call for: whole numbers INT32 or INT64, other numbers DOUBLE,
 * dates (duals whose texts are the script's DateFormat) DATE, timestamps
 * TIMESTAMP, anything else — texts and mixed fields — STRING of the texts.
 * Written to a temporary file and renamed into place.
 */
export async function writeParquetFile(
  absolutePath: string,
  scriptPath: string,
  columns: readonly ParquetWriteColumn[],
  rowCount: number,
  format: FormatSettings,
): Promise<void> {
  const columnData = columns.map((column) => columnSource(column, rowCount, format));
  const schema: SchemaElement[] = [
    { name: 'root', num_children: columns.length },
    ...columnData.map((c) => c.element),
  ];
  const buffer = parquetWriteBuffer({
    columnData: columnData.map(({ name, data }) => ({ name, data })),
    schema,
    createdBy: 'qlikit',
  });
  await writeFileAtomically(absolutePath, scriptPath, (file) =>
    file.writeFile(new Uint8Array(buffer)),
  );
}

type Kind = 'int32' | 'int64' | 'double' | 'date' | 'timestamp' | 'string';

function columnSource(
  column: ParquetWriteColumn,
  rowCount: number,
  format: FormatSettings,
): { name: string; data: unknown[]; element: SchemaElement } {
  const kind = kindOf(column.values, format);
  const convert = converter(kind);
  const symbols = column.values.map(convert);
  const data = new Array<unknown>(rowCount);
  for (let row = 0; row < rowCount; row++) {
    const index = column.indexes[row];
    data[row] = index < 0 ? null : symbols[index];
  }
  const base = { name: column.name, repetition_type: 'OPTIONAL' as const };
  const elements: Record<Kind, SchemaElement> = {
    int32: { ...base, type: 'INT32' },
    int64: { ...base, type: 'INT64' },
    double: { ...base, type: 'DOUBLE' },
    date: { ...base, type: 'INT32', converted_type: 'DATE' },
    timestamp: { ...base, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' },
    string: { ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  };
  return { name: column.name, data, element: elements[kind] };
}

/** The narrowest Parquet type that holds every value of the field without losing its text or number. */
function kindOf(values: readonly Value[], format: FormatSettings): Kind {
  if (values.length > 0 && values.every((v) => typeof v === 'number')) {
    const numbers = values as number[];
    if (!numbers.every(Number.isSafeInteger)) return 'double';
    return numbers.every((n) => n >= -(2 ** 31) && n < 2 ** 31) ? 'int32' : 'int64';
  }
  const inferred = inferQvdNumberFormat(values, format).numberFormat.type;
  if (inferred === 'DATE') return 'date';
  if (inferred === 'TIMESTAMP') return 'timestamp';
  return 'string';
}

function converter(kind: Kind): (value: Value) => unknown {
  const num = (value: Value): number =>
    typeof value === 'number' ? value : value instanceof Dual ? value.num : NaN;
  switch (kind) {
    case 'int32':
    case 'double':
      return num;
    case 'int64':
      return (value) => BigInt(num(value));
    case 'date':
    case 'timestamp':
      return (value) => new Date(Math.round((num(value) - EPOCH_SERIAL) * MS_PER_DAY));
    case 'string':
      return toText;
  }
}
