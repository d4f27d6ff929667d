import type { Expr } from '../expression/Expr.js';
import { parseFileFormatSpec } from './parseFileFormatSpec.js';
import { parseLoadBody, parseLoadPrefixes } from './parseLoad.js';
import type { Statement } from './Statement.js';
import type { StatementCursor } from './StatementCursor.js';

/** Statements accepted and skipped: they configure things an embedded engine does not have. */
const IGNORED = new Set([
  'DIRECTORY',
  'CONNECT',
  'DISCONNECT',
  'LIB',
  'ODBC',
  'OLEDB',
  'TAG',
  'UNTAG',
  'COMMENT',
  'SEARCH',
  'SECTION',
  'FORCE',
]);

/** Parses one expanded, non-control statement. */
export function parseStatement(cursor: StatementCursor): Statement {
  const label = readLabel(cursor);
  const prefixes = parseLoadPrefixes(cursor, label);
  if (prefixes) return parseLoadBody(cursor, prefixes);
  if (label !== undefined)
    throw cursor.error(`Expected LOAD after the table label${cursor.describeNext()}`);
  const at = cursor.skipSpace();
  const word = cursor.peekWord();
  cursor.acceptWord(word);
  switch (word) {
    case 'SET':
      return parseSet(cursor);
    case 'LET':
      return parseLet(cursor);
    case 'DROP':
      return parseDrop(cursor);
    case 'RENAME':
      return parseRename(cursor);
    case 'QUALIFY':
    case 'UNQUALIFY':
      return { kind: 'qualify', qualify: word === 'QUALIFY', patterns: readPatterns(cursor) };
    case 'STORE':
      return parseStore(cursor);
    case 'TRACE':
      return { kind: 'trace', text: cursor.text.slice(cursor.pos).trim() };
    case 'SLEEP':
      cursor.readExpression();
      cursor.expectEnd();
      return { kind: 'sleep' };
    case 'EXIT':
      return parseExit(cursor);
    case 'CALL':
      return parseCall(cursor);
    default:
      if (IGNORED.has(word)) return { kind: 'ignored', keyword: word };
      throw cursor.error(
        `Unknown statement '${cursor.text.slice(at, at + 30).split(/\s/)[0]}'`,
        at,
      );
  }
}

/** `Name:` / `[My table]:` before a LOAD. */
function readLabel(cursor: StatementCursor): string | undefined {
  const start = cursor.skipSpace();
  const name = cursor.tryReadName();
  if (name !== undefined && cursor.peekChar() === ':' && cursor.text[cursor.pos + 1] !== '=') {
    cursor.pos++;
    return name;
  }
  cursor.pos = start;
  return undefined;
}

function parseSet(cursor: StatementCursor): Statement {
  const name = cursor.readName('a variable name');
  cursor.expectChar('=');
  const value = cursor.text.slice(cursor.pos).trim();
  return { kind: 'set', name, value: unquoteWhole(value) };
}

/** SET x = 'text'; stores text without its enclosing quotes. */
function unquoteWhole(value: string): string {
  const quote = value[0];
  if ((quote === "'" || quote === '"') && value.length >= 2 && value.endsWith(quote)) {
    const inner = value.slice(1, -1);
    if (!inner.replaceAll(quote + quote, '').includes(quote))
      return inner.replaceAll(quote + quote, quote);
  }
  return value;
}

function parseLet(cursor: StatementCursor): Statement {
  const name = cursor.readName('a variable name');
  cursor.expectChar('=');
  if (cursor.atEnd()) return { kind: 'let', name, expr: undefined };
  const expr = cursor.readExpression();
  cursor.expectEnd();
  return { kind: 'let', name, expr };
}

function parseDrop(cursor: StatementCursor): Statement {
  if (cursor.acceptWord('TABLE') || cursor.acceptWord('TABLES')) {
    const names = readNameList(cursor, 'a table name');
    cursor.expectEnd();
    return { kind: 'dropTables', names };
  }
  if (cursor.acceptWord('FIELD') || cursor.acceptWord('FIELDS')) {
    const names = readNameList(cursor, 'a field name');
    const from = cursor.acceptWord('FROM') ? readNameList(cursor, 'a table name') : undefined;
    cursor.expectEnd();
    return { kind: 'dropFields', names, from };
  }
  throw cursor.error(`Expected TABLE or FIELD after DROP${cursor.describeNext()}`);
}

function parseRename(cursor: StatementCursor): Statement {
  const kind =
    cursor.acceptWord('TABLE') || cursor.acceptWord('TABLES') ? 'renameTables' : undefined;
  const fieldKind = kind
    ? undefined
    : cursor.acceptWord('FIELD') || cursor.acceptWord('FIELDS')
      ? 'renameFields'
      : undefined;
  const statementKind = kind ?? fieldKind;
  if (!statementKind)
    throw cursor.error(`Expected TABLE or FIELD after RENAME${cursor.describeNext()}`);
  const pairs: [string, string][] = [];
  do {
    const from = cursor.readName();
    cursor.expectWord('TO');
    pairs.push([from, cursor.readName()]);
  } while (cursor.acceptChar(','));
  cursor.expectEnd();
  return { kind: statementKind, pairs };
}

function readNameList(cursor: StatementCursor, what: string): string[] {
  const names: string[] = [];
  do names.push(cursor.readName(what));
  while (cursor.acceptChar(','));
  return names;
}

/** QUALIFY patterns: names, quoted wildcard masks or `*`. */
function readPatterns(cursor: StatementCursor): string[] {
  const patterns: string[] = [];
  do {
    if (cursor.acceptChar('*')) patterns.push('*');
    else if (cursor.peekChar() === "'") patterns.push(cursor.readString());
    else patterns.push(cursor.readName('a field name or mask'));
  } while (cursor.acceptChar(','));
  cursor.expectEnd();
  return patterns;
}

function parseStore(cursor: StatementCursor): Statement {
  const names: string[] = [];
  do names.push(cursor.acceptChar('*') ? '*' : cursor.readName('a table or field name'));
  while (cursor.acceptChar(','));
  let table = names[0];
  let fields: string[] | undefined;
  if (cursor.acceptWord('FROM')) {
    table = cursor.readName('a table name');
    fields = names.includes('*') ? undefined : names;
  } else if (names.length > 1)
    throw cursor.error('STORE takes one table; list fields with STORE a, b FROM t');
  cursor.expectWord('INTO');
  const path = cursor.readPath();
  const format = parseFileFormatSpec(cursor);
  cursor.expectEnd();
  return { kind: 'store', table, fields, path, format };
}

function parseExit(cursor: StatementCursor): Statement {
  const word = cursor.peekWord();
  const targets = { SCRIPT: 'script', FOR: 'for', DO: 'do', SUB: 'sub' } as const;
  if (!(word in targets))
    throw cursor.error(`Expected SCRIPT, FOR, DO or SUB after EXIT${cursor.describeNext()}`);
  cursor.acceptWord(word);
  const target = targets[word as keyof typeof targets];
  let when: { unless: boolean; condition: Expr } | undefined;
  if (cursor.acceptWord('WHEN')) when = { unless: false, condition: cursor.readExpression() };
  else if (cursor.acceptWord('UNLESS')) when = { unless: true, condition: cursor.readExpression() };
  cursor.expectEnd();
  return { kind: 'exit', target, when };
}

function parseCall(cursor: StatementCursor): Statement {
  const name = cursor.readName('a subroutine name');
  const args: Expr[] = [];
  if (cursor.acceptChar('(') && !cursor.acceptChar(')')) {
    do args.push(cursor.readExpression());
    while (cursor.acceptChar(','));
    cursor.expectChar(')');
  }
  cursor.expectEnd();
  return { kind: 'call', name, args };
}
