import ExcelJS from 'exceljs';
import { serialFromDate } from '../../value/dateSerial.js';
import type { FormatSettings } from '../../value/FormatSettings.js';
import { Dual, type Value } from '../../value/Value.js';
import { DataFileError } from '../DataFileError.js';
import { fileNotFound } from '../openDataFile.js';
import { dateValue, timestampValue } from '../typedValues.js';

/** One worksheet as a grid of Qlik values: rows top to bottom, each as wide as the sheet's used columns. */
export interface XlsxSheet {
  readonly name: string;
  readonly width: number;
  readonly rows: readonly Value[][];
}

/**
 * Reads a worksheet of an .xlsx workbook (`table is <sheet>`, else the
 * first sheet; a trailing `$` of a legacy sheet name is ignored). Cells
 * become Qlik values: numbers numbers, texts texts, dates and times duals
 * shown with the script's formats (Excel's day numbers are Qlik's),
 * booleans 'TRUE' -1 / 'FALSE' 0, formulas their cached result, empty cells
 * NULL. Rows with no value at all are left out.
 */
export async function readXlsxSheet(
  absolutePath: string,
  scriptPath: string,
  sheetName: string | undefined,
  format: FormatSettings,
): Promise<XlsxSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(absolutePath);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') throw fileNotFound(scriptPath, cause);
    throw new DataFileError(
      'SCRIPT_FILE_FORMAT',
      `File '${scriptPath}' is not a valid .xlsx workbook: ${(cause as Error).message}`,
      scriptPath,
      { cause },
    );
  }
  const wanted = sheetName?.replace(/\$$/, '');
  const sheet = wanted
    ? workbook.worksheets.find((w) => w.name.toLowerCase() === wanted.toLowerCase())
    : workbook.worksheets[0];
  if (!sheet)
    throw new DataFileError(
      'SCRIPT_FILE_FORMAT',
      `Workbook '${scriptPath}' has no sheet '${wanted ?? ''}' (it has ${workbook.worksheets.map((w) => `'${w.name}'`).join(', ')})`,
      scriptPath,
    );
  const width = sheet.columnCount;
  const rows: Value[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = new Array<Value>(width).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (column <= width) values[column - 1] = cellValue(cell.value, format);
    });
    if (values.some((value) => value !== null)) rows.push(values);
  });
  return { name: sheet.name, width, rows };
}

function cellValue(value: ExcelJS.CellValue, format: FormatSettings): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? new Dual('TRUE', -1) : new Dual('FALSE', 0);
  if (value instanceof Date) {
    const serial = serialFromDate(value);
    return Number.isInteger(serial) ? dateValue(serial, format) : timestampValue(serial, format);
  }
  if ('result' in value)
    return value.result === undefined ? null : cellValue(value.result as ExcelJS.CellValue, format);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return null;
}
