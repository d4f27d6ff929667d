import type { TextEncoding } from '../io/TextEncoding.js';
import type { FileFormatSpec } from './FileFormatSpec.js';
import type { StatementCursor } from './StatementCursor.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const ENCODINGS: Record<string, TextEncoding> = {
  UTF8: 'utf8',
  ANSI: 'ansi',
  UNICODE: 'utf16le',
  OEM: 'ansi',
  MAC: 'ansi',
};
const TYPES: Record<string, 'txt' | 'json' | 'qvd'> = {
  TXT: 'txt',
  CSV: 'txt',
  JSON: 'json',
  QVD: 'qvd',
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
  else if (cursor.acceptWord('EMBEDDED')) {
    cursor.expectWord('LABELS');
    spec.labels = 'embedded';
  } else if (cursor.acceptWord('EXPLICIT')) {
    throw cursor.error('Explicit labels are not supported', at);
  } else if (cursor.acceptWord('NO')) {
    if (cursor.acceptWord('LABELS')) spec.labels = 'none';
    else if (cursor.acceptWord('QUOTES')) spec.quoting = 'none';
    else throw cursor.error(`Expected LABELS or QUOTES after NO${cursor.describeNext()}`);
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
    spec.headerLines = cursor.readInteger('a line count');
    if (!cursor.acceptWord('LINES')) cursor.acceptWord('LINE');
  } else throw cursor.error(`Unknown format spec item${cursor.describeNext()}`, at);
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
