import type { Expr } from '../expression/Expr.js';
import { parseFileFormatSpec } from './parseFileFormatSpec.js';
import type { LoadPrefixes } from './parseLoadPrefixes.js';
import { readParenthesized } from './parseLoadPrefixes.js';
import type { LoadField, LoadSource, LoadStatement } from './Statement.js';
import type { StatementCursor } from './StatementCursor.js';

/** Words that end a LOAD field list. */
const FIELD_LIST_END = new Set([
  'FROM',
  'FROM_FIELD',
  'EXTENSION',
  'INLINE',
  'RESIDENT',
  'AUTOGENERATE',
  'WHERE',
  'WHILE',
  'GROUP',
  'ORDER',
]);

/**
 * Reads `LOAD [DISTINCT] fields [source] [WHERE|WHILE ...] [GROUP BY ...]
 * [ORDER BY ...]`, or `[SQL] SELECT ...` (kept as text for the connection),
 * to the end of the statement.
 */
export function parseLoadBody(cursor: StatementCursor, prefixes: LoadPrefixes): LoadStatement {
  if (cursor.acceptWord('SQL') || cursor.peekWord() === 'SELECT') {
    const text = cursor.readRest();
    return {
      kind: 'load',
      ...prefixes,
      distinct: false,
      fields: [{ kind: 'star' }],
      source: { kind: 'sql', text },
    };
  }
  cursor.expectWord('LOAD');
  const distinct = cursor.acceptWord('DISTINCT');
  const fields = parseFieldList(cursor);
  const source = parseSource(cursor);
  let where: Expr | undefined;
  let whileCondition: Expr | undefined;
  for (;;) {
    if (cursor.acceptWord('WHERE')) where = cursor.readExpression();
    else if (cursor.acceptWord('WHILE')) whileCondition = cursor.readExpression();
    else break;
  }
  const groupBy = cursor.acceptWord('GROUP') ? parseGroupBy(cursor) : undefined;
  const orderBy = cursor.acceptWord('ORDER') ? parseOrderBy(cursor) : undefined;
  cursor.expectEnd();
  return {
    kind: 'load',
    ...prefixes,
    distinct,
    fields,
    source,
    where,
    whileCondition,
    groupBy,
    orderBy,
  };
}

function parseFieldList(cursor: StatementCursor): LoadField[] {
  const fields: LoadField[] = [];
  do {
    if (cursor.acceptChar('*')) fields.push({ kind: 'star' });
    else fields.push(parseField(cursor));
  } while (cursor.acceptChar(','));
  if (!cursor.atEnd() && !FIELD_LIST_END.has(cursor.peekWord())) {
    throw cursor.error(`Expected ',' or the end of the field list${cursor.describeNext()}`);
  }
  return fields;
}

function parseField(cursor: StatementCursor): LoadField {
  const start = cursor.skipSpace();
  const expr = cursor.readExpression();
  const position = readRecordPosition(cursor, expr);
  if (position)
    return {
      kind: 'expr',
      expr: position,
      name: cursor.acceptWord('AS') ? cursor.readName('a field name') : position.name,
    };
  const written = cursor.text.slice(start, cursor.pos).trim();
  const name = cursor.acceptWord('AS')
    ? cursor.readName('a field name')
    : defaultFieldName(expr, written);
  return { kind: 'expr', expr, name };
}

/** `@1:5` (or `@1:5T`, `@3:*`): a fixed-record field's character positions, read as one field name. */
function readRecordPosition(
  cursor: StatementCursor,
  expr: Expr,
): Extract<Expr, { kind: 'field' }> | undefined {
  if (expr.kind !== 'field' || !/^@\d+$/.test(expr.name) || cursor.text[cursor.pos] !== ':')
    return undefined;
  const match = /^:(?:\d+|\*)[IURBT]?/i.exec(cursor.text.slice(cursor.pos));
  if (!match) return undefined;
  cursor.pos += match[0].length;
  return { ...expr, name: expr.name + match[0] };
}

/** A field reference keeps its name; any other expression is named after its text, as in Qlik. */
function defaultFieldName(expr: Expr, written: string): string {
  return expr.kind === 'field' ? expr.name : written;
}

function parseSource(cursor: StatementCursor): LoadSource {
  if (cursor.acceptWord('FROM')) {
    const path = cursor.readPath();
    return { kind: 'file', path, format: parseFileFormatSpec(cursor) };
  }
  if (cursor.acceptWord('INLINE')) {
    const data = readInlineData(cursor);
    return { kind: 'inline', data, format: parseFileFormatSpec(cursor) };
  }
  if (cursor.acceptWord('RESIDENT'))
    return { kind: 'resident', table: cursor.readName('a table name') };
  if (cursor.acceptWord('AUTOGENERATE')) {
    const count = cursor.readExpression();
    return { kind: 'autogenerate', count };
  }
  if (cursor.acceptWord('FROM_FIELD')) {
    cursor.expectChar('(');
    const table = cursor.readListedName('a table name');
    cursor.expectChar(',');
    const field = cursor.readListedName('a field name');
    cursor.expectChar(')');
    // The format spec applies to the field's text; only its presence matters here.
    parseFileFormatSpec(cursor);
    return { kind: 'fromField', table, field };
  }
  if (cursor.acceptWord('EXTENSION')) {
    const at = cursor.skipSpace();
    cursor.readName('an extension function');
    if (cursor.peekChar() === '(') readParenthesized(cursor);
    return { kind: 'extension', call: cursor.text.slice(at, cursor.pos) };
  }
  return { kind: 'preceding' };
}

/** INLINE data sits in `[...]` (or quotes); it is raw text, not names. */
function readInlineData(cursor: StatementCursor): string {
  const ch = cursor.peekChar();
  const close = ch === '[' ? ']' : ch === '"' || ch === "'" ? ch : undefined;
  if (close === undefined) throw cursor.error(`Expected '[' after INLINE${cursor.describeNext()}`);
  const end = cursor.text.indexOf(close, cursor.pos + 1);
  if (end < 0) throw cursor.error('Unterminated INLINE data');
  const data = cursor.text.slice(cursor.pos + 1, end);
  cursor.pos = end + 1;
  return data;
}

function parseGroupBy(cursor: StatementCursor): string[] {
  cursor.expectWord('BY');
  const names: string[] = [];
  do names.push(cursor.readName('a field name'));
  while (cursor.acceptChar(','));
  return names;
}

function parseOrderBy(cursor: StatementCursor): { field: string; descending: boolean }[] {
  cursor.expectWord('BY');
  const order: { field: string; descending: boolean }[] = [];
  do {
    const field = cursor.readName('a field name');
    const descending = cursor.acceptWord('DESC');
    if (!descending) cursor.acceptWord('ASC');
    order.push({ field, descending });
  } while (cursor.acceptChar(','));
  return order;
}
