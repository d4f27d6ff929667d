import type { FileFormatSpec, FileType } from './FileFormatSpec.js';

/** File types the readers load today. */
const READABLE = new Set<FileType>(['txt', 'json', 'qvd', 'parquet', 'ooxml']);

/**
 * What in a FROM's format spec the file readers cannot do yet, named as the
 * "not supported" error says it; undefined when they read it all. Items that
 * change nothing for a reader here (`no eof`, a code page) pass.
 */
export function unsupportedFormat(type: FileType, spec: FileFormatSpec): string | undefined {
  // SheetJS's npm release, the one .xls reader, is unmaintained there (fixes ship off npm only).
  if (type === 'biff')
    return 'the (biff) file format of .xls workbooks; save the workbook as .xlsx';
  if (!READABLE.has(type)) return `the (${type}) file format`;
  if (spec.labels === 'explicit' && type !== 'ooxml') return 'explicit labels';
  if (spec.filters !== undefined) return `filters(${spec.filters})`;
  if (spec.commentPrefix !== undefined) return `comment is '${spec.commentPrefix}'`;
  if (spec.record !== undefined) return 'record is (fixed-record files)';
  if (spec.url !== undefined) return 'URL is (files on the web)';
  return undefined;
}
