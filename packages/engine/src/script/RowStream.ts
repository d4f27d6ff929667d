import type { DelimitedCell } from '../io/DelimitedParser.js';
import type { DelimitedFormat } from '../io/DelimitedFormat.js';
import type { NumberInterpretation } from '../io/textToValue.js';
import type { FieldNumberFormat } from '../model/FieldNumberFormat.js';
import type { LoadedColumn } from '../model/LoadedTable.js';
import type { Value } from '../value/Value.js';
import type { ColumnBuilder } from './ColumnBuilder.js';

/** A batch of source rows; each row holds one value per source field. */
export type RowBatch = readonly (readonly Value[])[];

/** The rows a LOAD reads: field names first, then batches of rows. */
export type RowStream = ValueRowStream | TextRowStream;

/** Rows whose values are already typed (JSON, RESIDENT, AUTOGENERATE, QVD, SQL). */
export interface ValueRowStream {
  readonly kind: 'values';
  readonly fieldNames: readonly string[];
  readonly batches: AsyncIterable<RowBatch> | Iterable<RowBatch>;
  /**
   * The same rows as whole dictionary-encoded columns (a QVD), in
   * `fieldNames` order: a LOAD that only copies and renames fields takes
   * them as they are instead of reading `batches` (Qlik's optimized load).
   */
  readonly columns?: WholeColumns;
  /** Number formats the source gives its fields (a QVD header's), by source field name. */
  readonly numberFormats?: ReadonlyMap<string, FieldNumberFormat>;
  /** The same rows encoded straight into columns (JSON), for a LOAD that copies fields as they are. */
  readonly encode?: ColumnEncoder;
}

/**
 * Encodes a source's rows into dictionary columns, `targets[i]` taking source
 * field i (none: skipped), calling `pause` between batches; the rows read.
 */
export type ColumnEncoder = (
  targets: readonly (ColumnBuilder | undefined)[],
  pause: () => Promise<void>,
) => Promise<number>;

/** Whole columns of a source, each `rowCount` rows long. */
export interface WholeColumns {
  readonly columns: readonly LoadedColumn[];
  readonly rowCount: number;
}

/**
 * Rows of texts read from a delimited file, not yet interpreted: a plain
 * `LOAD *` encodes each distinct text once, straight into the dictionary.
 */
export interface TextRowStream {
  readonly kind: 'texts';
  readonly fieldNames: readonly string[];
  readonly batches: AsyncIterable<DelimitedCell[][]> | Iterable<DelimitedCell[][]>;
  readonly numbers: NumberInterpretation;
  /** The same rows as raw UTF-8 bytes, for a loader that scans them itself instead of reading `batches`. */
  readonly raw?: RawDelimitedRows;
}

/**
 * The data rows of a UTF-8 delimited file not parsed yet: the rows already
 * read as text while looking for the labels, then the remaining bytes.
 */
export interface RawDelimitedRows {
  readonly format: DelimitedFormat;
  /** Data rows read with the labels (the first row when there are no labels). */
  readonly firstRows: readonly DelimitedCell[][];
  /** The size of `bytes`, as far as it is known when the stream is made (a hint for presizing). */
  readonly byteLength: number;
  /** The file `bytes` come from and the position of their first byte in it: lets another thread read part of them. */
  readonly file?: { readonly path: string; readonly offset: number };
  /** The bytes after `firstRows`, starting at a row; iterate once. */
  readonly bytes: AsyncIterable<Uint8Array>;
  /** Releases the file. */
  close(): void;
}
