import path from 'node:path';
import type { DelimitedFormat } from '../io/DelimitedFormat.js';
import { DelimitedFileCursor } from '../io/DelimitedFileCursor.js';
import type { DelimitedCell } from '../io/DelimitedParser.js';
import { parseDelimitedChunks, readDelimitedFile } from '../io/readDelimitedFile.js';
import { readParquetFile } from '../io/parquet/readParquetFile.js';
import { qvdFieldNumberFormat } from '../io/qvd/qvdFieldNumberFormat.js';
import { readQvdFile } from '../io/qvd/readQvdFile.js';
import type { FieldNumberFormat } from '../model/FieldNumberFormat.js';
import { readXlsxSheet } from '../io/xlsx/readXlsxSheet.js';
import { sheetRowStream } from './sheetRowStream.js';
import { DEFAULT_FORMAT_SETTINGS } from '../value/FormatSettings.js';
import { columnRowStream } from './columnRowStream.js';
import type { NumberInterpretation } from '../io/textToValue.js';
import type { FileFormatSpec, FileType } from './FileFormatSpec.js';
import type { RowStream } from './RowStream.js';
import { textRowStream } from './textRowStream.js';
import { jsonRowStream } from './encodeJsonFile.js';

const EXTENSION_TYPES: Record<string, FileType> = {
  '.json': 'json',
  '.qvd': 'qvd',
  '.qvx': 'qvx',
  '.xlsx': 'ooxml',
  '.xlsm': 'ooxml',
  '.xls': 'biff',
  '.parquet': 'parquet',
  '.html': 'html',
  '.htm': 'html',
  '.xml': 'xml',
  '.kml': 'kml',
  '.dif': 'dif',
};

/** The file type a FROM reads: the spec's, or the extension's (text by default). */
export function fileTypeOf(scriptPath: string, spec: FileFormatSpec): FileType {
  if (spec.type) return spec.type;
  return EXTENSION_TYPES[path.extname(scriptPath).toLowerCase()] ?? 'txt';
}

/** The delimited layout a spec describes; tab for `.tab`/`.tsv` files unless it says otherwise. */
export function delimitedFormatOf(scriptPath: string, spec: FileFormatSpec): DelimitedFormat {
  const extension = path.extname(scriptPath).toLowerCase();
  const delimiter = spec.delimiter ?? (extension === '.tab' || extension === '.tsv' ? '\t' : ',');
  return { delimiter, quoting: spec.quoting ?? 'standard', trim: true, integers: true };
}

/** Rows of a data file: CSV/TXT and JSON streamed, QVD as whole columns, Parquet by row group, an Excel sheet. */
export async function fileRowStream(
  absolutePath: string,
  scriptPath: string,
  spec: FileFormatSpec,
  numbers: NumberInterpretation,
  /** Whether the LOAD takes the fields as they are: a JSON file is then read straight into columns. */
  takesColumns = false,
): Promise<RowStream> {
  const type = fileTypeOf(scriptPath, spec);
  if (type === 'qvd') {
    const table = await readQvdFile(absolutePath, scriptPath);
    const numberFormats = new Map<string, FieldNumberFormat>();
    for (const field of table.header.fields) {
      const format = qvdFieldNumberFormat(field.numberFormat);
      if (format) numberFormats.set(field.name, format);
    }
    return { ...columnRowStream(table.columns, table.rowCount), numberFormats };
  }
  if (type === 'ooxml') {
    const sheet = await readXlsxSheet(
      absolutePath,
      scriptPath,
      spec.table,
      numbers.settings ?? DEFAULT_FORMAT_SETTINGS,
    );
    return sheetRowStream(sheet, spec);
  }
  if (type === 'parquet') {
    const rows = await readParquetFile(
      absolutePath,
      scriptPath,
      numbers.settings ?? DEFAULT_FORMAT_SETTINGS,
    );
    return { kind: 'values', fieldNames: rows.fieldNames, batches: rows.batches };
  }
  if (type === 'json') return jsonRowStream(absolutePath, scriptPath, takesColumns);
  const format = delimitedFormatOf(scriptPath, spec);
  const labels = spec.labels === 'none' ? 'none' : 'embedded';
  const headerLines = spec.headerLines ?? 0;
  if ((spec.encoding ?? 'utf8') !== 'utf8') {
    const rows = readDelimitedFile(absolutePath, scriptPath, format, spec.encoding);
    return textRowStream(rows, { labels, headerLines, numbers });
  }
  // UTF-8: the header and label rows are read as text, the rest is left as bytes
  // so a plain LOAD can encode them without a string per cell.
  const cursor = await DelimitedFileCursor.open(absolutePath, scriptPath);
  try {
    const head = await cursor.leadingRows(format, headerLines + 1);
    const stream = await textRowStream(parsedRows(head, cursor, format), {
      labels,
      headerLines,
      numbers,
    });
    const firstRows = head.slice(headerLines + (labels === 'embedded' ? 1 : 0));
    const raw = {
      format,
      firstRows,
      byteLength: cursor.unreadBytes,
      file: { path: absolutePath, offset: cursor.offset },
      bytes: cursor.bytes(),
      close: () => cursor.close(),
    };
    return { ...stream, raw };
  } catch (error) {
    cursor.close();
    throw error;
  }
}

/** The head rows, then the rest of the file parsed as text. */
async function* parsedRows(
  head: DelimitedCell[][],
  cursor: DelimitedFileCursor,
  format: DelimitedFormat,
): AsyncGenerator<DelimitedCell[][]> {
  try {
    yield head;
    yield* parseDelimitedChunks(cursor.bytes(), format, 'utf8', false);
  } finally {
    cursor.close();
  }
}
