import type { TextEncoding } from '../io/TextEncoding.js';
import type { FileFormatSpec, FileType } from './FileFormatSpec.js';
import { readParenthesized } from './parseLoadPrefixes.js';
import type { StatementCursor } from './StatementCursor.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const ENCODINGS: Record<string, TextEncoding> = {
  UTF8: 'utf8',
  ANSI: 'ansi',
  UNICODE: 'utf16le',
  OEM: 'ansi',
  MAC: 'ansi',
};
const TYPES: Record<string, FileType> = {
  TXT: 'txt',
  CSV: 'txt',
  FIX: 'fix',
  DIF: 'dif',
  BIFF: 'biff',
  OOXML: 'ooxml',
  HTML: 'html',
  XML: 'xml',
  XMLSIMPLE: 'xml',
  XMLSAX: 'xml',
  KML: 'kml',
  QVD: 'qvd',
  QVX: 'qvx',
  PARQUET: 'parquet',
  JSON: 'json',
};

/** Reads an optional `( item, item, ... )` format spec after a file path or INLINE data. */
export function parseFileFormatSpec(cursor: StatementCursor): FileFormatSpec {
  const spec: Mutable<FileFormatSpec> = {};
  if (!cursor.acceptChar('(')) return spec;
  do {
    parseItem(cursor, spec);
  } while (cursor.acceptChar(','));
  cursor.expectChar(')');
  return spec;
}

function parseItem(cursor: StatementCursor, spec: Mutable<FileFormatSpec>): void {
  const at = cursor.skipSpace();
  const word = cursor.peekWord();
  if (word in TYPES && cursor.acceptWord(word)) spec.type = TYPES[word];
  else if (word in ENCODINGS && cursor.acceptWord(word)) spec.encoding = ENCODINGS[word];
  else if (/^UTF-8\b/i.test(cursor.text.slice(cursor.pos))) {
    cursor.pos += 5;
    spec.encoding = 'utf8';
  } else if (cursor.acceptWord('EMBEDDED') || cursor.acceptWord('EXPLICIT')) {
    cursor.expectWord('LABELS');
    spec.labels = word === 'EMBEDDED' ? 'embedded' : 'explicit';
  } else if (cursor.acceptWord('NO')) {
    if (cursor.acceptWord('LABELS')) spec.labels = 'none';
    else if (cursor.acceptWord('QUOTES')) spec.quoting = 'none';
    else if (cursor.acceptWord('EOF')) spec.ignoreEof = true;
    else throw cursor.error(`Expected LABELS, QUOTES or EOF after NO${cursor.describeNext()}`);
  } else if (parseNamedItem(cursor, word, spec)) {
    // table is, comment is, record is, URL is, userAgent is, filters(...)
  } else if (cursor.acceptWord('MSQ')) spec.quoting = 'msq';
  else if (cursor.acceptWord('DELIMITER')) {
    cursor.expectWord('IS');
    spec.delimiter = readDelimiter(cursor);
  } else if (cursor.acceptWord('CODEPAGE')) {
    cursor.expectWord('IS');
    const page = String(cursor.readInteger('a code page'));
    spec.encoding = page === '65001' ? 'utf8' : page === '1200' ? 'utf16le' : 'ansi';
  } else if (cursor.acceptWord('HEADER')) {
    cursor.expectWord('IS');
    if (cursor.acceptWord('LINE')) spec.headerLines = 1;
    else {
      spec.headerLines = cursor.readInteger('a line count');
      if (!cursor.acceptWord('LINES')) cursor.acceptWord('LINE');
    }
  } else throw cursor.error(`Unknown format spec item${cursor.describeNext()}`, at);
}

/** The items that name something: `table is`, `comment is`, `record is`, `URL is`, `userAgent is`, `filters(...)`. */
function parseNamedItem(
  cursor: StatementCursor,
  word: string,
  spec: Mutable<FileFormatSpec>,
): boolean {
  switch (word) {
    case 'TABLE':
      cursor.acceptWord(word);
      cursor.expectWord('IS');
      spec.table = readItemValue(cursor);
      return true;
    case 'COMMENT':
      cursor.acceptWord(word);
      cursor.expectWord('IS');
      spec.commentPrefix = readItemValue(cursor);
      return true;
    case 'RECORD':
      cursor.acceptWord(word);
      cursor.expectWord('IS');
      if (cursor.acceptWord('LINE')) spec.record = 'line';
      else {
        const count = cursor.readInteger('a record length');
        spec.record =
          cursor.acceptWord('LINES') || cursor.acceptWord('LINE') ? { lines: count } : count;
      }
      return true;
    case 'URL':
    case 'USERAGENT': {
      cursor.acceptWord(word);
      cursor.expectWord('IS');
      const value = cursor.readString();
      if (word === 'URL') spec.url = value;
      else spec.userAgent = value;
      return true;
    }
    case 'FILTERS':
      cursor.acceptWord(word);
      spec.filters = readParenthesized(cursor).trim();
      return true;
    default:
      return false;
  }
}

/** A quoted, bracketed or bare value, a bare one ending at the next ',' or ')'. */
function readItemValue(cursor: StatementCursor): string {
  const ch = cursor.peekChar();
  if (ch === "'") return cursor.readString();
  if (ch === '[' || ch === '"' || ch === '`') return cursor.readName();
  const start = cursor.pos;
  while (cursor.pos < cursor.text.length && !/[,)]/.test(cursor.text[cursor.pos])) cursor.pos++;
  const value = cursor.text.slice(start, cursor.pos).trim();
  if (value === '') throw cursor.error(`Expected a value${cursor.describeNext()}`);
  return value;
}

/** `','`, `'\t'`, `'tab'`, `spaces`, `';'`. */
function readDelimiter(cursor: StatementCursor): string {
  if (cursor.acceptWord('SPACES')) return 'spaces';
  if (cursor.acceptWord('TAB')) return '\t';
  const text = cursor.readString();
  if (text === '\\t' || text.toLowerCase() === 'tab') return '\t';
  if (text.toLowerCase() === 'spaces') return 'spaces';
  if (text.length !== 1) throw cursor.error(`Delimiter must be one character, got '${text}'`);
  return text;
}
