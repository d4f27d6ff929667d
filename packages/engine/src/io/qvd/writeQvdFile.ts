import type { FileHandle } from 'node:fs/promises';
import type { Value } from '../../value/Value.js';
import type { LineageEntry } from '../Lineage.js';
import { writeFileAtomically } from '../writeFileAtomically.js';
import { encodeQvdIndexes, type QvdIndexSource } from './encodeQvdIndexes.js';
import { encodeQvdSymbols } from './encodeQvdSymbols.js';
import { formatQvdHeader } from './formatQvdHeader.js';
import {
  UNKNOWN_NUMBER_FORMAT,
  type QvdFieldHeader,
  type QvdNumberFormat,
  type QvdTableHeader,
} from './QvdHeader.js';
import { qvdFieldTags } from './qvdFieldTags.js';

/** A column to store: its dictionary, one index per row (-1 for NULL), and what the header says about it. */
export interface QvdWriteColumn {
  readonly name: string;
  readonly values: readonly Value[];
  /** At least `rowCount` entries; only the first `rowCount` are stored. */
  readonly indexes: Int32Array;
  readonly numberFormat?: QvdNumberFormat;
  /** `$date` / `$timestamp` when the field holds dates; the value tags are derived. */
  readonly dateTags?: readonly string[];
  readonly comment?: string;
}

/** A table to store as a QVD. */
export interface QvdWriteTable {
  readonly name: string;
  readonly columns: readonly QvdWriteColumn[];
  readonly rowCount: number;
  /** Where the rows came from; the STORE itself is added as the last entry by the caller. */
  readonly lineage: readonly LineageEntry[];
  /** The app that wrote the file (Qlik writes the app's id). */
  readonly creatorDoc: string;
  readonly comment?: string;
  readonly tableTags?: readonly string[];
}

/**
 * The build number written as QvBuildNo: the Qlik Sense build of the newest
 * QVDs this reader is tested against, so Qlik products read the layout as
 * their own (fields keep header order, indexes are packed to the fewest bits).
 */
export const QVD_BUILD_NO = '50689';
const INDEX_CHUNK_BYTES = 1 << 22;

/** A field ready to write: its header (offsets filled in later), symbols and index codes. */
interface PreparedField {
  header: Omit<QvdFieldHeader, 'offset' | 'bitOffset'>;
  symbols: Buffer;
  source: Omit<QvdIndexSource, 'bitOffset'>;
}

/**
 * Writes a table as a QVD file that Qlik reads: the XML header, each
 * field's symbols (only the values some row uses, in dictionary order), and
 * the bit-stuffed index table, written to a temporary file and renamed into
 * place so a failed STORE leaves an existing file untouched.
 */
export async function writeQvdFile(
  absolutePath: string,
  scriptPath: string,
  table: QvdWriteTable,
  now = new Date(),
): Promise<void> {
  const prepared = table.columns.map((column) => prepareField(column, table.rowCount));
  let bitOffset = 0;
  let symbolOffset = 0;
  const fields: QvdFieldHeader[] = [];
  const sources: QvdIndexSource[] = [];
  for (const field of prepared) {
    fields.push({ ...field.header, bitOffset, offset: symbolOffset });
    sources.push({ ...field.source, bitOffset });
    bitOffset += field.header.bitWidth;
    symbolOffset += field.symbols.length;
  }
  const recordByteSize = Math.max(1, Math.ceil(bitOffset / 8));
  const header: QvdTableHeader = {
    qvBuildNo: QVD_BUILD_NO,
    creatorDoc: table.creatorDoc,
    createUtcTime: utcTime(now),
    sourceCreateUtcTime: '',
    sourceFileUtcTime: '',
    sourceFileSize: '-1',
    staleUtcTime: '',
    tableName: table.name,
    fields,
    compression: '',
    recordByteSize,
    recordCount: table.rowCount,
    offset: symbolOffset,
    length: recordByteSize * table.rowCount,
    lineage: table.lineage,
    comment: table.comment ?? '',
    encryptionInfo: '',
    tableTags: table.tableTags ?? [],
  };
  await writeFileAtomically(absolutePath, scriptPath, async (file) => {
    await writeAll(file, Buffer.from(formatQvdHeader(header), 'utf8'));
    for (const field of prepared) await writeAll(file, field.symbols);
    const chunkRows = Math.max(1, Math.floor(INDEX_CHUNK_BYTES / recordByteSize));
    for (let row = 0; row < table.rowCount; row += chunkRows) {
      const count = Math.min(chunkRows, table.rowCount - row);
      await writeAll(file, encodeQvdIndexes(recordByteSize, count, row, sources));
    }
  });
}

/**
 * Keeps the values some row uses, in dictionary order, and works out the
 * index width: codes are symbol index + 2 when the field has NULLs (bias -2,
 * code 0 is NULL, as Qlik writes them), else the symbol index itself.
 */
function prepareField(column: QvdWriteColumn, rowCount: number): PreparedField {
  const used = new Uint8Array(column.values.length);
  let hasNull = false;
  const indexes = column.indexes;
  for (let row = 0; row < rowCount; row++) {
    const index = indexes[row];
    if (index < 0) hasNull = true;
    else used[index] = 1;
  }
  const bias = hasNull ? -2 : 0;
  const codes = new Int32Array(column.values.length);
  const values: Value[] = [];
  for (let i = 0; i < column.values.length; i++) {
    if (!used[i]) continue;
    codes[i] = values.length - bias;
    values.push(column.values[i]);
  }
  const maxCode = hasNull ? values.length + 1 : values.length - 1;
  const symbols = encodeQvdSymbols(values);
  return {
    header: {
      name: column.name,
      bitWidth: maxCode <= 0 ? 0 : 32 - Math.clz32(maxCode),
      bias,
      numberFormat: column.numberFormat ?? UNKNOWN_NUMBER_FORMAT,
      symbolCount: values.length,
      length: symbols.length,
      comment: column.comment ?? '',
      tags: qvdFieldTags(values, column.dateTags),
    },
    symbols,
    source: { bitWidth: maxCode <= 0 ? 0 : 32 - Math.clz32(maxCode), indexes, codes },
  };
}

/** `2024-01-31 09:05:00`, as Qlik writes CreateUtcTime. */
function utcTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

async function writeAll(file: FileHandle, bytes: Uint8Array): Promise<void> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await file.write(bytes, done, bytes.length - done);
    done += bytesWritten;
  }
}
