import type { Expr } from '../expression/Expr.js';
import { parseFileFormatSpec } from './parseFileFormatSpec.js';
import type {
  JoinKind,
  LoadCombine,
  LoadField,
  LoadSource,
  LoadStatement,
  PartialReloadPrefix,
} from './Statement.js';
import type { StatementCursor } from './StatementCursor.js';

/** Words that end a LOAD field list. */
const FIELD_LIST_END = new Set([
  'FROM',
  'INLINE',
  'RESIDENT',
  'AUTOGENERATE',
  'WHERE',
  'WHILE',
  'GROUP',
  'ORDER',
]);

/** The prefixes and label read before the LOAD keyword. */
export interface LoadPrefixes {
  readonly label?: string;
  readonly partial?: PartialReloadPrefix;
  readonly mapping: boolean;
  readonly combine: LoadCombine;
  readonly first?: Expr;
}

/**
 * Reads the prefixes of a LOAD (`Label:`, `ADD [ONLY]`, `REPLACE [ONLY]`,
 * `MAPPING`, `CONCATENATE (T)`, `NOCONCATENATE`, `LEFT JOIN (T)`,
 * `INNER KEEP (T)`, `FIRST n`), leaving the
 * cursor on the LOAD keyword. Returns undefined when no LOAD follows.
 */
export function parseLoadPrefixes(
  cursor: StatementCursor,
  label: string | undefined,
): LoadPrefixes | undefined {
  let mapping = false;
  let combine: LoadCombine = { kind: 'auto' };
  let first: Expr | undefined;
  let partial: PartialReloadPrefix | undefined;
  for (;;) {
    const at = cursor.skipSpace();
    const word = cursor.peekWord();
    if (word === 'LOAD' || word === 'SELECT') break;
    if (word === 'ADD' || word === 'REPLACE') {
      cursor.acceptWord(word);
      partial = { mode: word === 'ADD' ? 'add' : 'replace', only: cursor.acceptWord('ONLY') };
    } else if (word === 'MERGE')
      throw cursor.error('The MERGE prefix is not supported; use ADD or REPLACE', at);
    else if (cursor.acceptWord('MAPPING')) mapping = true;
    else if (cursor.acceptWord('NOCONCATENATE')) combine = { kind: 'noconcatenate' };
    else if (cursor.acceptWord('CONCATENATE'))
      combine = { kind: 'concatenate', target: readTarget(cursor) };
    else if (cursor.acceptWord('FIRST')) first = cursor.readExpression();
    else if (word === 'JOIN' || word === 'KEEP' || isJoinKind(word)) combine = readJoin(cursor);
    else return undefined;
  }
  return { label, partial, mapping, combine, first };
}

function isJoinKind(word: string): boolean {
  return word === 'INNER' || word === 'LEFT' || word === 'RIGHT' || word === 'OUTER';
}

function readJoin(cursor: StatementCursor): LoadCombine {
  const at = cursor.skipSpace();
  const kindWord = cursor.peekWord();
  const how: JoinKind = isJoinKind(kindWord) ? (kindWord.toLowerCase() as JoinKind) : 'outer';
  if (isJoinKind(kindWord)) cursor.acceptWord(kindWord);
  if (cursor.acceptWord('JOIN')) return { kind: 'join', how, target: readTarget(cursor) };
  if (cursor.acceptWord('KEEP')) {
    if (how === 'outer') throw cursor.error('KEEP needs INNER, LEFT or RIGHT', at);
    return { kind: 'keep', how, target: readTarget(cursor) };
  }
  throw cursor.error(`Expected JOIN or KEEP${cursor.describeNext()}`);
}

/** `(TableName)` after CONCATENATE / JOIN / KEEP. */
function readTarget(cursor: StatementCursor): string | undefined {
  if (!cursor.acceptChar('(')) return undefined;
  const name = cursor.readName('a table name');
  cursor.expectChar(')');
  return name;
}

/** Reads `LOAD [DISTINCT] fields [source] [WHERE|WHILE ...] [GROUP BY ...] [ORDER BY ...]` to the end. */
export function parseLoadBody(cursor: StatementCursor, prefixes: LoadPrefixes): LoadStatement {
  if (cursor.peekWord() === 'SELECT')
    throw cursor.error('SQL SELECT is not supported; load from files instead');
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
  const written = cursor.text.slice(start, cursor.pos).trim();
  const name = cursor.acceptWord('AS')
    ? cursor.readName('a field name')
    : defaultFieldName(expr, written);
  return { kind: 'expr', expr, name };
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
