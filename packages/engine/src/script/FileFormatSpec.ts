import type { TextEncoding } from '../io/TextEncoding.js';

/** The table file formats of Qlik's format spec (`txt`, `ooxml`, `qvd`, ...). */
export type FileType =
  | 'txt'
  | 'fix'
  | 'dif'
  | 'biff'
  | 'ooxml'
  | 'html'
  | 'xml'
  | 'kml'
  | 'qvd'
  | 'qvx'
  | 'parquet'
  | 'json';

/** The format spec of a FROM / INLINE / STORE: `(txt, utf8, embedded labels, delimiter is ',', msq)`. */
export interface FileFormatSpec {
  /** Undefined when the spec does not say; the file extension decides. */
  readonly type?: FileType;
  readonly encoding?: TextEncoding;
  readonly labels?: 'embedded' | 'explicit' | 'none';
  readonly delimiter?: string;
  readonly quoting?: 'msq' | 'standard' | 'none';
  /** Lines to skip before the labels or data (`header is N lines`). */
  readonly headerLines?: number;
  /** `table is name`: the sheet of a workbook, the table of an HTML page, the path in an XML file. */
  readonly table?: string;
  /** `comment is '#'`: lines starting with it are skipped. */
  readonly commentPrefix?: string;
  /** `record is N` (characters) or `record is line` / `N lines` of a fixed-record file. */
  readonly record?: number | 'line' | { readonly lines: number };
  /** `no eof`: an end-of-file character inside the data does not end it. */
  readonly ignoreEof?: boolean;
  /** `URL is '...'` and `userAgent is '...'` of web files. */
  readonly url?: string;
  readonly userAgent?: string;
  /** `filters(...)`: the transformation steps as written. */
  readonly filters?: string;
}
