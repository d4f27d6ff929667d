import { open, type FileHandle } from 'node:fs/promises';
import type { Value } from '../../value/Value.js';
import { DataFileError } from '../DataFileError.js';
import { fileNotFound } from '../openDataFile.js';
import { decodeQvdIndexes, type QvdIndexTarget } from './decodeQvdIndexes.js';
import { decodeQvdSymbols } from './decodeQvdSymbols.js';
import { parseQvdHeader } from './parseQvdHeader.js';
import type { QvdTableHeader } from './QvdHeader.js';
import { uniqueSymbols } from './uniqueSymbols.js';

/** One field of a QVD, dictionary-encoded as the file holds it: its symbols and one index per row (-1 for NULL). */
export interface QvdColumn {
  readonly name: string;
  readonly values: readonly Value[];
  readonly indexes: Int32Array;
  /** Always true: repeats of a value are merged on reading (see uniqueSymbols). */
  readonly distinct: true;
}

/** A whole QVD file: its header and its columns. */
export interface QvdTable {
  readonly header: QvdTableHeader;
  readonly columns: readonly QvdColumn[];
  readonly rowCount: number;
}

const END_TAG = Buffer.from('</QvdTableHeader>');
const HEADER_CHUNK = 1 << 16;
const INDEX_CHUNK_BYTES = 1 << 22;

/**
 * Reads a QVD file into columns: the XML header, each field's symbol table,
 * and the bit-stuffed index table decoded straight into one Int32Array per
 * field, a chunk at a time. Fails with SCRIPT_FILE_FORMAT naming what is
 * wrong when the file is not a QVD, is cut short or contradicts its header.
 */
export async function readQvdFile(absolutePath: string, scriptPath: string): Promise<QvdTable> {
  let file: FileHandle;
  try {
    file = await open(absolutePath, 'r');
  } catch (cause) {
    throw fileNotFound(scriptPath, cause);
  }
  try {
    const size = (await file.stat()).size;
    const { header, binaryStart } = await readHeader(file, size, scriptPath);
    return await readBody(file, size, header, binaryStart);
  } catch (cause) {
    if (cause instanceof DataFileError) throw cause;
    throw notQvd(scriptPath, cause);
  } finally {
    await file.close();
  }
}

/** Reads only a QVD's XML header (for QvdNoOfRecords and friends, or to look before loading). */
export async function readQvdHeader(
  absolutePath: string,
  scriptPath: string,
): Promise<QvdTableHeader> {
  let file: FileHandle;
  try {
    file = await open(absolutePath, 'r');
  } catch (cause) {
    throw fileNotFound(scriptPath, cause);
  }
  try {
    return (await readHeader(file, (await file.stat()).size, scriptPath)).header;
  } catch (cause) {
    if (cause instanceof DataFileError) throw cause;
    throw notQvd(scriptPath, cause);
  } finally {
    await file.close();
  }
}

function notQvd(scriptPath: string, cause: unknown): DataFileError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new DataFileError(
    'SCRIPT_FILE_FORMAT',
    `File '${scriptPath}' is not a valid QVD file: ${reason}`,
    scriptPath,
    { cause },
  );
}

/** The header up to `</QvdTableHeader>`, and where the binary part starts (after the `\r\n\0` that ends it). */
async function readHeader(
  file: FileHandle,
  size: number,
  scriptPath: string,
): Promise<{ header: QvdTableHeader; binaryStart: number }> {
  let head = Buffer.alloc(0);
  let endTag = -1;
  while (endTag < 0) {
    if (head.length >= size)
      throw new Error(
        head.length === 0 ? 'the file is empty' : 'the XML header has no </QvdTableHeader>',
      );
    const chunk = Buffer.alloc(Math.min(HEADER_CHUNK, size - head.length));
    const { bytesRead } = await file.read(chunk, 0, chunk.length, head.length);
    if (bytesRead === 0) throw new Error('the XML header has no </QvdTableHeader>');
    const searchFrom = Math.max(0, head.length - END_TAG.length);
    head = Buffer.concat([head, chunk.subarray(0, bytesRead)]);
    endTag = head.indexOf(END_TAG, searchFrom);
  }
  let binaryStart = endTag + END_TAG.length;
  while (head[binaryStart] === 0x0d || head[binaryStart] === 0x0a) binaryStart++;
  if (head[binaryStart] === 0) binaryStart++;
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  let header: QvdTableHeader;
  try {
    header = parseQvdHeader(head.toString('utf8', bom, endTag + END_TAG.length));
  } catch (cause) {
    throw new DataFileError(
      'SCRIPT_FILE_FORMAT',
      `File '${scriptPath}' has a malformed QVD header: ${(cause as Error).message}`,
      scriptPath,
      { cause },
    );
  }
  return { header, binaryStart };
}

async function readBody(
  file: FileHandle,
  size: number,
  header: QvdTableHeader,
  binaryStart: number,
): Promise<QvdTable> {
  checkLayout(header, size - binaryStart);
  const symbolEnd = Math.max(0, ...header.fields.map((f) => f.offset + f.length));
  const symbolBytes = await readAt(file, binaryStart, symbolEnd);
  const rowCount = header.recordCount;
  const targets: QvdIndexTarget[] = header.fields.map((field) => ({
    ...field,
    indexes: new Int32Array(rowCount),
  }));
  const recordSize = header.recordByteSize;
  const chunkRecords = Math.max(1, Math.floor(INDEX_CHUNK_BYTES / Math.max(1, recordSize)));
  for (let row = 0; row < rowCount; row += chunkRecords) {
    const records = Math.min(chunkRecords, rowCount - row);
    const start = binaryStart + header.offset + row * recordSize;
    const bytes = await readAt(file, start, records * recordSize);
    decodeQvdIndexes(bytes, recordSize, records, row, targets);
  }
  const columns = header.fields.map((field, i) => {
    const symbols = decodeQvdSymbols(
      symbolBytes,
      field.offset,
      field.offset + field.length,
      field.symbolCount,
      field.name,
    );
    return {
      name: field.name,
      ...uniqueSymbols(symbols, targets[i].indexes),
      distinct: true as const,
    };
  });
  return { header, columns, rowCount };
}

/** Every byte the header points at must be inside the file, and every field inside a record. */
function checkLayout(header: QvdTableHeader, binarySize: number): void {
  if (header.compression !== '')
    throw new Error(`its tables are compressed ('${header.compression}'), which is not supported`);
  const indexBytes = header.recordByteSize * header.recordCount;
  if (header.length < indexBytes)
    throw new Error(
      `the index table is ${header.length} bytes, less than ${header.recordCount} records of ${header.recordByteSize}`,
    );
  if (header.offset + indexBytes > binarySize)
    throw new Error(
      `the file is cut short: the index table ends at byte ${header.offset + indexBytes} of ${binarySize}`,
    );
  const recordBits = header.recordByteSize * 8;
  for (const field of header.fields) {
    if (field.offset + field.length > binarySize)
      throw new Error(`the file is cut short: the symbols of field '${field.name}' are missing`);
    if (field.bitWidth > 0 && field.bitOffset + field.bitWidth > recordBits)
      throw new Error(`field '${field.name}' lies outside the ${recordBits}-bit record`);
  }
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await file.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw new Error('the file is cut short');
    done += bytesRead;
  }
  return buffer;
}
