import type { XlsxSheet } from '../io/xlsx/readXlsxSheet.js';
import { toText } from '../value/toText.js';
import type { FileFormatSpec } from './FileFormatSpec.js';
import type { ValueRowStream } from './RowStream.js';

/**
 * The rows of a worksheet as a LOAD reads them: `header is N lines` skipped,
 * then with embedded (or explicit) labels the next row names the fields, a
 * blank label taking its column letter; with no labels the fields are the
 * column letters A, B, C, ... as Qlik names them.
 */
export function sheetRowStream(sheet: XlsxSheet, spec: FileFormatSpec): ValueRowStream {
  const rows = sheet.rows.slice(spec.headerLines ?? 0);
  const labelled = spec.labels !== 'none';
  const labels = labelled ? (rows[0] ?? []) : [];
  const fieldNames = Array.from({ length: sheet.width }, (_, c) => {
    const label = labels[c] === undefined || labels[c] === null ? '' : toText(labels[c]).trim();
    return label === '' ? columnLetters(c) : label;
  });
  return { kind: 'values', fieldNames, batches: [labelled ? rows.slice(1) : rows] };
}

/** Excel's name of a 0-based column: A ... Z, AA, AB, ... */
export function columnLetters(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
