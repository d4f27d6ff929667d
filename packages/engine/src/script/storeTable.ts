import { inferQvdNumberFormat, type InferredFormat } from '../io/qvd/inferQvdNumberFormat.js';
import { qvdNumberFormatOf } from '../io/qvd/qvdFieldNumberFormat.js';
import type { FieldNumberFormat } from '../model/FieldNumberFormat.js';
import { writeParquetFile } from '../io/parquet/writeParquetFile.js';
import { writeQvdFile } from '../io/qvd/writeQvdFile.js';
import { writeDelimitedFile } from '../io/writeDelimitedFile.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import { toText } from '../value/toText.js';
import type { ColumnBuilder } from './ColumnBuilder.js';
import type { FileFormatSpec } from './FileFormatSpec.js';
import { delimitedFormatOf, fileTypeOf } from './fileRowStream.js';
import { ScriptFault } from './ScriptFault.js';
import type { ScriptTable } from './ScriptTable.js';

/** What a STORE needs besides the table: the app writing it and the script's format settings. */
export interface StoreContext {
  /** The app's id, written as a QVD's CreatorDoc. */
  readonly creatorDoc: string;
  readonly format: FormatSettings;
  /** Number formats the fields came with (from a QVD), written instead of inferred ones. */
  readonly numberFormats?: ReadonlyMap<string, FieldNumberFormat>;
}

/**
 * `STORE [fields FROM] table INTO path (format)`: writes the table's columns
 * (all, or those listed, in that order) as a QVD, Parquet or delimited text, the
 * format given in the spec or by the file's extension.
 */
export async function storeTable(
  table: ScriptTable,
  columns: readonly ColumnBuilder[],
  target: string,
  scriptPath: string,
  spec: FileFormatSpec,
  context: StoreContext,
): Promise<void> {
  const type = fileTypeOf(scriptPath, spec);
  switch (type) {
    case 'qvd':
      return writeQvdFile(target, scriptPath, {
        name: table.name,
        columns: columns.map((column) => ({
          name: column.name,
          values: column.values,
          indexes: column.indexes,
          ...qvdFormatOf(column, context),
        })),
        rowCount: table.rowCount,
        lineage: [
          ...table.lineage,
          { discriminator: `{STORE - [${scriptPath}] (qvd)};`, statement: '' },
        ],
        creatorDoc: context.creatorDoc,
      });
    case 'parquet':
      return writeParquetFile(target, scriptPath, columns, table.rowCount, context.format);
    case 'txt': {
      const delimiter = delimitedFormatOf(scriptPath, spec).delimiter;
      return writeDelimitedFile(
        target,
        scriptPath,
        columns.map((column) => column.name),
        textRows(columns, table.rowCount),
        delimiter === 'spaces' ? ' ' : delimiter,
      );
    }
    default:
      throw new ScriptFault('SCRIPT_NOT_SUPPORTED', `not supported: STORE into (${type})`);
  }
}

/** A field's format for the QVD header: the one it was loaded with, else inferred from its values. */
function qvdFormatOf(column: ColumnBuilder, context: StoreContext): InferredFormat {
  const inferred = inferQvdNumberFormat(column.values, context.format);
  const known = context.numberFormats?.get(column.name);
  return known ? { ...inferred, numberFormat: qvdNumberFormatOf(known) } : inferred;
}

function* textRows(columns: readonly ColumnBuilder[], rowCount: number): Generator<string[]> {
  for (let row = 0; row < rowCount; row++)
    yield columns.map((column) => toText(column.valueAt(row)));
}
