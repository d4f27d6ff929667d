import type { Expr } from '../expression/Expr.js';
import { parseDeclare, parseDerive } from './parseDeclare.js';
import { parseFileFormatSpec } from './parseFileFormatSpec.js';
import { parseLoadBody } from './parseLoad.js';
import { parseLoadPrefixes, readParenthesized } from './parseLoadPrefixes.js';
import { parseNameStatement } from './parseNameStatement.js';
import type { Statement } from './Statement.js';
import type { StatementCursor } from './StatementCursor.js';

/**
 * Statements of Qlik's reference that parse but that this engine cannot run;
 * each maps to what the "not supported" error names.
 */
const NOT_SUPPORTED: Record<string, string> = {
  EXECUTE: 'EXECUTE (running external programs)',
  DIRECT: 'DIRECT QUERY',
  DIRECTQUERY: 'DIRECT QUERY',
  CONSTRAIN: 'CONSTRAIN (variable constraints)',
  INPUTFIELD: 'INPUTFIELD (input fields)',
  LOOSEN: 'LOOSEN TABLE (loosely coupled tables)',
  SEARCH: 'SEARCH INCLUDE/EXCLUDE',
  FORCE: 'FORCE (case of database field names)',
  SQLCOLUMNS: 'SQLCOLUMNS',
  SQLTABLES: 'SQLTABLES',
  SQLTYPES: 'SQLTYPES',
};

/** Parses one expanded, non-control statement. */
export function parseStatement(cursor: StatementCursor): Statement {
  const prefixes = parseLoadPrefixes(cursor);
  if (prefixes) return parseLoadBody(cursor, prefixes);
  const at = cursor.skipSpace();
  const label = readLabel(cursor);
  const word = cursor.peekWord();
  if (label !== undefined && word === 'DECLARE') {
    cursor.acceptWord(word);
    // `$1` (the field a DERIVE applies the definition to) is read as a field name.
    return parseDeclare(
      cursor.rewritten(cursor.text.slice(cursor.pos).replace(/\$(\d)\b/g, '[$$$1]')),
      label,
    );
  }
  if (label !== undefined)
    throw cursor.error(`Expected LOAD after the table label${cursor.describeNext()}`);
  if (isImplicitLet(cursor)) return parseLet(cursor);
  cursor.acceptWord(word);
  const statement = parseKeywordStatement(cursor, word);
  if (statement) return statement;
  const named = parseNameStatement(cursor, word);
  if (named) return named;
  if (word in NOT_SUPPORTED) {
    cursor.readRest();
    return { kind: 'notSupported', what: NOT_SUPPORTED[word] };
  }
  throw cursor.error(`Unknown statement '${cursor.text.slice(at, at + 30).split(/\s/)[0]}'`, at);
}

function parseKeywordStatement(cursor: StatementCursor, word: string): Statement | undefined {
  switch (word) {
    case 'SET':
      return parseSet(cursor);
    case 'LET':
      return parseLet(cursor);
    case 'WHEN':
    case 'UNLESS': {
      const condition = cursor.readExpression();
      return {
        kind: 'conditional',
        unless: word === 'UNLESS',
        condition,
        statement: parseStatement(cursor),
      };
    }
    case 'STORE':
      return parseStore(cursor);
    case 'TRACE':
      return { kind: 'trace', text: cursor.readRest() };
    case 'SLEEP': {
      const milliseconds = cursor.readExpression();
      cursor.expectEnd();
      return { kind: 'sleep', milliseconds };
    }
    case 'EXIT':
      return parseExit(cursor);
    case 'CALL':
      return parseCall(cursor);
    case 'BINARY':
      return end(cursor, { kind: 'binary', path: cursor.readPath() });
    case 'DIRECTORY':
      return end(cursor, {
        kind: 'directory',
        path: cursor.atEnd() ? undefined : cursor.readPath(),
      });
    case 'LIB':
    case 'ODBC':
    case 'OLEDB':
    case 'CUSTOM':
    case 'CONNECT':
      return parseConnect(cursor, word);
    case 'DISCONNECT':
      return end(cursor, { kind: 'disconnect' });
    case 'SQL':
      return { kind: 'sqlCommand', text: cursor.readRest() };
    case 'SECTION': {
      const access = cursor.acceptWord('ACCESS');
      if (!access) cursor.expectWord('APPLICATION');
      return end(cursor, { kind: 'section', access });
    }
    case 'STAR': {
      cursor.expectWord('IS');
      const symbol = cursor.readRest();
      return { kind: 'star', symbol: symbol === '' ? undefined : unquoteWhole(symbol) };
    }
    case 'DERIVE':
      return parseDerive(cursor);
    case 'FLUSHLOG':
      return end(cursor, { kind: 'flushLog' });
    default:
      return undefined;
  }
}

function end(cursor: StatementCursor, statement: Statement): Statement {
  cursor.expectEnd();
  return statement;
}

/** `Name:` / `[My table]:` before a statement. */
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

/** `x = 1;` is a LET with the keyword left out, as the reference allows. */
function isImplicitLet(cursor: StatementCursor): boolean {
  const start = cursor.pos;
  const name = cursor.tryReadName();
  const yes = name !== undefined && cursor.peekChar() === '=';
  cursor.pos = start;
  return yes;
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

/**
 * `LIB CONNECT TO 'name'`, `ODBC|OLEDB CONNECT [32|64] TO 'string' [(XUserId is ...)]`,
 * `CUSTOM CONNECT TO "string"`, or `CONNECT TO ...` (ODBC).
 */
function parseConnect(cursor: StatementCursor, word: string): Statement {
  // CONNECT32 / CONNECT64 name the driver's bitness, which changes nothing here.
  if (
    word !== 'CONNECT' &&
    !['CONNECT', 'CONNECT32', 'CONNECT64'].some((w) => cursor.acceptWord(w))
  )
    throw cursor.error(`Expected CONNECT${cursor.describeNext()}`);
  cursor.expectWord('TO');
  const target = cursor.peekChar() === "'" ? cursor.readString() : cursor.readPath();
  if (cursor.peekChar() === '(') readParenthesized(cursor);
  cursor.expectEnd();
  const via =
    word === 'CONNECT' ? 'odbc' : (word.toLowerCase() as 'lib' | 'odbc' | 'oledb' | 'custom');
  return { kind: 'connect', via, target };
}
