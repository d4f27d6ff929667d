import path from 'node:path';
import { parseDelimitedText } from '../io/DelimitedParser.js';
import type { DelimitedFormat } from '../io/DelimitedFormat.js';
import { readDelimitedFile } from '../io/readDelimitedFile.js';
import { readJsonFile } from '../io/readJsonFile.js';
import type { NumberInterpretation } from '../io/textToValue.js';
import { compareValues } from '../value/compareValues.js';
import type { Value } from '../value/Value.js';
import type { FileFormatSpec } from './FileFormatSpec.js';
import type { RowBatch, RowStream, ValueRowStream } from './RowStream.js';
import type { ScriptTable } from './ScriptTable.js';
import { ScriptFault } from './ScriptFault.js';
import { textRowStream } from './textRowStream.js';

const BATCH_ROWS = 65_536;
const NO_FIELDS: readonly Value[] = [];

/** The file type a FROM reads: the spec's, or the extension's. */
export function fileTypeOf(scriptPath: string, spec: FileFormatSpec): 'txt' | 'json' | 'qvd' {
  if (spec.type) return spec.type;
  const extension = path.extname(scriptPath).toLowerCase();
  return extension === '.json' ? 'json' : extension === '.qvd' ? 'qvd' : 'txt';
}

/** The delimited layout a spec describes; tab for `.tab`/`.tsv` files unless it says otherwise. */
export function delimitedFormatOf(scriptPath: string, spec: FileFormatSpec): DelimitedFormat {
  const extension = path.extname(scriptPath).toLowerCase();
  const delimiter = spec.delimiter ?? (extension === '.tab' || extension === '.tsv' ? '\t' : ',');
  return { delimiter, quoting: spec.quoting ?? 'standard', trim: true, integers: true };
}

/** Rows of a data file: CSV/TXT streamed in chunks, JSON records parsed whole. */
export async function fileRowStream(
  absolutePath: string,
  scriptPath: string,
  spec: FileFormatSpec,
  numbers: NumberInterpretation,
): Promise<RowStream> {
  const type = fileTypeOf(scriptPath, spec);
  if (type === 'qvd')
    throw new ScriptFault('SCRIPT_RUNTIME', 'QVD files are not supported; use txt or json');
  if (type === 'json') {
    const records = await readJsonFile(absolutePath, scriptPath);
    return { kind: 'values', fieldNames: records.fieldNames, batches: records.batches };
  }
  const rows = readDelimitedFile(
    absolutePath,
    scriptPath,
    delimitedFormatOf(scriptPath, spec),
    spec.encoding,
  );
  return textRowStream(rows, {
    labels: spec.labels ?? 'embedded',
    headerLines: spec.headerLines ?? 0,
    numbers,
  });
}

/** Rows of INLINE data; the first line holds the field names unless the spec says `no labels`. */
export async function inlineRowStream(
  data: string,
  spec: FileFormatSpec,
  numbers: NumberInterpretation,
): Promise<RowStream> {
  const format: DelimitedFormat = {
    delimiter: spec.delimiter ?? ',',
    quoting: spec.quoting ?? 'standard',
    trim: true,
    integers: true,
  };
  const rows = parseDelimitedText(data, format);
  return textRowStream([rows], {
    labels: spec.labels ?? 'embedded',
    headerLines: spec.headerLines ?? 0,
    numbers,
  });
}

/** `count` records with no fields, for AUTOGENERATE. */
export function autogenerateRowStream(count: number): ValueRowStream {
  return { kind: 'values', fieldNames: [], batches: emptyRowBatches(count) };
}

function* emptyRowBatches(count: number): Generator<RowBatch> {
  const full: readonly Value[][] = new Array(Math.min(BATCH_ROWS, Math.max(count, 0))).fill(
    NO_FIELDS,
  );
  for (let done = 0; done < count; done += BATCH_ROWS) {
    yield count - done >= BATCH_ROWS ? full : full.slice(0, count - done);
  }
}

/** Rows of a table already loaded, optionally sorted (ORDER BY). */
export function residentRowStream(
  table: ScriptTable,
  orderBy?: readonly { field: string; descending: boolean }[],
): ValueRowStream {
  const order = orderBy && orderBy.length > 0 ? sortedRows(table, orderBy) : undefined;
  return {
    kind: 'values',
    fieldNames: table.fieldNames,
    batches: residentBatches(table, table.rowCount, order),
  };
}

function* residentBatches(
  table: ScriptTable,
  rowCount: number,
  order: Int32Array | undefined,
): Generator<RowBatch> {
  const columns = [...table.columns];
  for (let start = 0; start < rowCount; start += BATCH_ROWS) {
    const end = Math.min(start + BATCH_ROWS, rowCount);
    const batch: Value[][] = [];
    for (let i = start; i < end; i++) {
      const row = order ? order[i] : i;
      batch.push(columns.map((column) => column.valueAt(row)));
    }
    yield batch;
  }
}

/** Row numbers in ORDER BY order; ties keep load order. */
function sortedRows(
  table: ScriptTable,
  orderBy: readonly { field: string; descending: boolean }[],
): Int32Array {
  const keys = orderBy.map(({ field, descending }) => {
    const column = table.column(field);
    if (!column)
      throw new ScriptFault(
        'SCRIPT_FIELD_NOT_FOUND',
        `ORDER BY field '${field}' is not in table '${table.name}'`,
      );
    return { column, sign: descending ? -1 : 1 };
  });
  const rows = Array.from({ length: table.rowCount }, (_, i) => i);
  rows.sort((a, b) => {
    for (const { column, sign } of keys) {
      const order = compareValues(column.valueAt(a), column.valueAt(b));
      if (order !== 0) return order * sign;
    }
    return a - b;
  });
  return Int32Array.from(rows);
}
