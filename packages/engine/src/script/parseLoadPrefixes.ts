import type { Expr } from '../expression/Expr.js';
import type { JoinKind, LoadCombine, LoadTransform, PartialReloadPrefix } from './Statement.js';
import type { StatementCursor } from './StatementCursor.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The prefixes and label read before the LOAD (or SELECT) keyword. */
export interface LoadPrefixes {
  readonly label?: string;
  readonly partial?: PartialReloadPrefix;
  readonly mapping: boolean;
  readonly combine: LoadCombine;
  readonly first?: Expr;
  readonly sample?: Expr;
  readonly buffered?: boolean;
  readonly semantic?: boolean;
  readonly transform?: LoadTransform;
}

/** Words that start the statement a prefix applies to. */
const LOAD_WORDS = new Set(['LOAD', 'SELECT', 'SQL']);

/**
 * Reads the label and prefixes of a LOAD or SELECT, in any order (`T:`,
 * `ADD|REPLACE|MERGE [ONLY]`, `MAPPING`, `[NO]CONCATENATE (T)`,
 * `[INNER|LEFT|RIGHT|OUTER] JOIN|KEEP (T)`, `FIRST n`, `SAMPLE p`,
 * `BUFFER (...)`, `SEMANTIC`, `GENERIC`, `CROSSTABLE(...)`, `HIERARCHY(...)`,
 * `HIERARCHYBELONGSTO(...)`, `INTERVALMATCH(...)`), leaving the cursor on
 * the LOAD, SELECT or SQL keyword. Returns undefined, with the cursor where
 * it was, when no such statement follows.
 */
export function parseLoadPrefixes(cursor: StatementCursor): LoadPrefixes | undefined {
  const start = cursor.pos;
  const prefixes: Mutable<LoadPrefixes> = { mapping: false, combine: { kind: 'auto' } };
  let sawPrefix = false;
  for (;;) {
    const word = cursor.peekWord();
    if (LOAD_WORDS.has(word)) {
      if (word === 'SQL' && !sqlSelectFollows(cursor) && !sawPrefix) break;
      return prefixes;
    }
    if (prefixes.label === undefined && readLabel(cursor, prefixes)) continue;
    if (!readPrefix(cursor, word, prefixes)) break;
    sawPrefix = true;
  }
  cursor.pos = start;
  return undefined;
}

/** Whether `SQL` is followed by SELECT (a load) rather than another command. */
function sqlSelectFollows(cursor: StatementCursor): boolean {
  return /^SQL\s+SELECT\b/i.test(cursor.text.slice(cursor.pos));
}

/** `Name:` / `[My table]:`, not `x := ...`. */
function readLabel(cursor: StatementCursor, prefixes: Mutable<LoadPrefixes>): boolean {
  const at = cursor.skipSpace();
  const name = cursor.tryReadName();
  if (name !== undefined && cursor.peekChar() === ':' && cursor.text[cursor.pos + 1] !== '=') {
    cursor.pos++;
    prefixes.label = name;
    return true;
  }
  cursor.pos = at;
  return false;
}

function readPrefix(
  cursor: StatementCursor,
  word: string,
  prefixes: Mutable<LoadPrefixes>,
): boolean {
  switch (word) {
    case 'ADD':
    case 'REPLACE':
    case 'MERGE':
      cursor.acceptWord(word);
      prefixes.partial = {
        mode: word === 'ADD' ? 'add' : word === 'REPLACE' ? 'replace' : 'merge',
        only: cursor.acceptWord('ONLY'),
      };
      if (word === 'MERGE') readMergeClause(cursor);
      return true;
    case 'MAPPING':
      prefixes.mapping = cursor.acceptWord(word);
      return true;
    case 'NOCONCATENATE':
      cursor.acceptWord(word);
      prefixes.combine = { kind: 'noconcatenate' };
      return true;
    case 'CONCATENATE':
      cursor.acceptWord(word);
      prefixes.combine = { kind: 'concatenate', target: readTarget(cursor) };
      return true;
    case 'FIRST':
      cursor.acceptWord(word);
      prefixes.first = cursor.readExpression();
      return true;
    case 'SAMPLE':
      cursor.acceptWord(word);
      prefixes.sample = cursor.readExpression();
      return true;
    case 'BUFFER':
      cursor.acceptWord(word);
      if (cursor.peekChar() === '(') readParenthesized(cursor);
      prefixes.buffered = true;
      return true;
    case 'SEMANTIC':
      prefixes.semantic = cursor.acceptWord(word);
      return true;
    case 'GENERIC':
      cursor.acceptWord(word);
      prefixes.transform = { kind: 'generic' };
      return true;
    case 'CROSSTABLE':
    case 'HIERARCHY':
    case 'HIERARCHYBELONGSTO':
    case 'INTERVALMATCH':
      cursor.acceptWord(word);
      prefixes.transform = readTransform(cursor, word);
      return true;
    case 'JOIN':
    case 'KEEP':
    case 'INNER':
    case 'LEFT':
    case 'RIGHT':
    case 'OUTER':
      if (!joinFollows(cursor)) return false;
      prefixes.combine = readJoin(cursor);
      return true;
    default:
      return false;
  }
}

/** `LEFT` etc. start a prefix only when JOIN or KEEP comes next (`Left(x)` is a function). */
function joinFollows(cursor: StatementCursor): boolean {
  return /^(?:(?:INNER|LEFT|RIGHT|OUTER)\s+)?(?:JOIN|KEEP)\b/i.test(cursor.text.slice(cursor.pos));
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
  cursor.expectWord('KEEP');
  if (how === 'outer') throw cursor.error('KEEP needs INNER, LEFT or RIGHT', at);
  return { kind: 'keep', how, target: readTarget(cursor) };
}

/** `(TableName)` after CONCATENATE / JOIN / KEEP. */
function readTarget(cursor: StatementCursor): string | undefined {
  if (!cursor.acceptChar('(')) return undefined;
  const name = cursor.readName('a table name');
  cursor.expectChar(')');
  return name;
}

/** `[(SequenceNoField [, SequenceNoVar])] ON key, ...` after MERGE [ONLY]. */
function readMergeClause(cursor: StatementCursor): void {
  if (cursor.peekChar() === '(') readParenthesized(cursor);
  cursor.expectWord('ON');
  cursor.readNameList('a key field');
}

/** Skips a balanced `( ... )`, quotes and brackets included; returns its inner text. */
export function readParenthesized(cursor: StatementCursor): string {
  cursor.expectChar('(');
  const start = cursor.pos;
  let depth = 1;
  while (cursor.pos < cursor.text.length) {
    const ch = cursor.text[cursor.pos];
    if (ch === "'" || ch === '"' || ch === '[' || ch === '`') {
      if (ch === "'") cursor.readString();
      else cursor.readName();
      continue;
    }
    cursor.pos++;
    if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return cursor.text.slice(start, cursor.pos - 1);
  }
  throw cursor.error("Expected ')'", start - 1);
}

/** The arguments of CROSSTABLE, HIERARCHY, HIERARCHYBELONGSTO and INTERVALMATCH. */
function readTransform(cursor: StatementCursor, word: string): LoadTransform {
  const at = cursor.skipSpace();
  // A bare CROSSTABLE names its fields Type and Value (the statistical test pages load so).
  if (word === 'CROSSTABLE' && cursor.peekChar() !== '(')
    return { kind: 'crosstable', attribute: 'Type', data: 'Value', qualifiers: 1 };
  cursor.expectChar('(');
  const args: (string | undefined)[] = [];
  if (!cursor.acceptChar(')')) {
    do {
      const ch = cursor.peekChar();
      if (ch === ',' || ch === ')') args.push(undefined);
      else if (ch === "'") args.push(cursor.readString());
      else if (/\d/.test(ch)) args.push(String(cursor.readInteger('a number')));
      else args.push(cursor.readName('a field name'));
    } while (cursor.acceptChar(','));
    cursor.expectChar(')');
  }
  const need = (index: number, what: string): string => {
    const value = args[index];
    if (value === undefined) throw cursor.error(`${word} needs ${what}`, at);
    return value;
  };
  switch (word) {
    case 'CROSSTABLE':
      return {
        kind: 'crosstable',
        attribute: need(0, 'an attribute field'),
        data: need(1, 'a data field'),
        qualifiers: args[2] === undefined ? 1 : Number(args[2]),
      };
    case 'HIERARCHY':
      return {
        kind: 'hierarchy',
        nodeId: need(0, 'a node id field'),
        parentId: need(1, 'a parent id field'),
        nodeName: need(2, 'a node name field'),
        parentName: args[3],
        pathSource: args[4],
        pathName: args[5],
        pathDelimiter: args[6],
        depth: args[7],
      };
    case 'HIERARCHYBELONGSTO':
      return {
        kind: 'hierarchyBelongsTo',
        nodeId: need(0, 'a node id field'),
        parentId: need(1, 'a parent id field'),
        nodeName: need(2, 'a node name field'),
        ancestorId: need(3, 'an ancestor id field'),
        ancestorName: need(4, 'an ancestor name field'),
        depthDiff: args[5],
      };
    default:
      return {
        kind: 'intervalMatch',
        field: need(0, 'a field to match'),
        keys: args.slice(1).filter((key): key is string => key !== undefined),
      };
  }
}
