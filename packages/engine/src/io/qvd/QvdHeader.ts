import type { LineageEntry } from '../Lineage.js';

/**
 * A field's number format as a QVD header stores it. `type` is Qlik's
 * name (`UNKNOWN`, `DATE`, `TIMESTAMP`, `INTEGER`, `FIX`, `MONEY`, ...;
 * QlikView 9 wrote `0`); the other members are its format pattern and
 * separators, kept as text so that a header reads back as it was.
 */
export interface QvdNumberFormat {
  readonly type: string;
  readonly nDec: number;
  readonly useThou: number;
  readonly fmt: string;
  readonly dec: string;
  readonly thou: string;
}

/** One `QvdFieldHeader`: where a field's symbols and its bits in each record are. */
export interface QvdFieldHeader {
  readonly name: string;
  /** First bit of the field's symbol index in a record, counted from the record's least significant bit. */
  readonly bitOffset: number;
  /** Bits of the index; 0 when every row holds the field's only symbol. */
  readonly bitWidth: number;
  /** Added to the stored bits to get the symbol index; a result below 0 is NULL (Qlik writes -2 for fields with NULLs). */
  readonly bias: number;
  readonly numberFormat: QvdNumberFormat;
  readonly symbolCount: number;
  /** Byte offset of the field's symbol table from the end of the XML header. */
  readonly offset: number;
  readonly length: number;
  readonly comment: string;
  /** Field tags (`$numeric`, `$text`, `$date`, ...). */
  readonly tags: readonly string[];
}

/** The XML header of a QVD file: the table, its fields and where their bytes are. */
export interface QvdTableHeader {
  readonly qvBuildNo: string;
  readonly creatorDoc: string;
  readonly createUtcTime: string;
  readonly sourceCreateUtcTime: string;
  readonly sourceFileUtcTime: string;
  readonly sourceFileSize: string;
  readonly staleUtcTime: string;
  readonly tableName: string;
  readonly fields: readonly QvdFieldHeader[];
  readonly compression: string;
  readonly recordByteSize: number;
  readonly recordCount: number;
  /** Byte offset of the index table from the end of the XML header (the symbol tables come first). */
  readonly offset: number;
  readonly length: number;
  readonly lineage: readonly LineageEntry[];
  readonly comment: string;
  readonly encryptionInfo: string;
  readonly tableTags: readonly string[];
}

/** The number format Qlik writes for a field that has none. */
export const UNKNOWN_NUMBER_FORMAT: QvdNumberFormat = Object.freeze({
  type: 'UNKNOWN',
  nDec: 0,
  useThou: 0,
  fmt: '',
  dec: '',
  thou: '',
});
