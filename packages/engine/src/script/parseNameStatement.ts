import type { NamePairs, Statement } from './Statement.js';
import type { StatementCursor } from './StatementCursor.js';

/**
 * Parses the statements that act on names of fields and tables: DROP,
 * RENAME, ALIAS, QUALIFY, TAG, COMMENT, MAP ... USING, UNMAP, NULLASNULL,
 * NULLASVALUE and AUTONUMBER. `word` has been consumed; undefined when it
 * starts none of them.
 */
export function parseNameStatement(cursor: StatementCursor, word: string): Statement | undefined {
  switch (word) {
    case 'DROP':
      return parseDrop(cursor);
    case 'RENAME':
      return parseRename(cursor);
    case 'ALIAS':
      return end(cursor, { kind: 'alias', pairs: readPairs(cursor, 'AS') });
    case 'QUALIFY':
    case 'UNQUALIFY':
      return end(cursor, {
        kind: 'qualify',
        qualify: word === 'QUALIFY',
        patterns: cursor.readMaskList(),
      });
    case 'TAG':
    case 'UNTAG':
      return parseTag(cursor, word === 'UNTAG');
    case 'COMMENT':
      return parseComment(cursor);
    case 'MAP': {
      const fields = cursor.readMaskList();
      cursor.expectWord('USING');
      return end(cursor, {
        kind: 'mapUsing',
        fields,
        mapping: cursor.readListedName('a mapping table'),
      });
    }
    case 'UNMAP':
      return end(cursor, { kind: 'unmap', fields: cursor.readMaskList() });
    case 'NULLASNULL':
    case 'NULLASVALUE':
      return end(cursor, {
        kind: 'nullAs',
        asValue: word === 'NULLASVALUE',
        fields: cursor.readMaskList(),
      });
    case 'AUTONUMBER': {
      const fields = cursor.readMaskList();
      const namespace = cursor.acceptWord('USING')
        ? cursor.readListedName('a namespace')
        : undefined;
      return end(cursor, { kind: 'autoNumberFields', fields, namespace });
    }
    default:
      return undefined;
  }
}

function end(cursor: StatementCursor, statement: Statement): Statement {
  cursor.expectEnd();
  return statement;
}

/** `TABLE`/`TABLES` or `FIELD`/`FIELDS` after DROP, RENAME, COMMENT, TAG. */
function readTarget(cursor: StatementCursor): 'table' | 'field' | undefined {
  if (cursor.acceptWord('TABLE') || cursor.acceptWord('TABLES')) return 'table';
  if (cursor.acceptWord('FIELD') || cursor.acceptWord('FIELDS')) return 'field';
  return undefined;
}

function parseDrop(cursor: StatementCursor): Statement {
  const target = readTarget(cursor);
  if (target === 'table')
    return end(cursor, { kind: 'dropTables', names: cursor.readNameList('a table name') });
  if (target === 'field') {
    const names = cursor.readNameList('a field name');
    const from = cursor.acceptWord('FROM') ? cursor.readNameList('a table name') : undefined;
    return end(cursor, { kind: 'dropFields', names, from });
  }
  throw cursor.error(`Expected TABLE or FIELD after DROP${cursor.describeNext()}`);
}

function parseRename(cursor: StatementCursor): Statement {
  const target = readTarget(cursor);
  if (!target) throw cursor.error(`Expected TABLE or FIELD after RENAME${cursor.describeNext()}`);
  if (cursor.acceptWord('USING'))
    return end(cursor, {
      kind: 'renameUsing',
      what: target === 'table' ? 'tables' : 'fields',
      mapping: cursor.readListedName('a mapping table'),
    });
  const pairs = readPairs(cursor, 'TO');
  return end(cursor, { kind: target === 'table' ? 'renameTables' : 'renameFields', pairs });
}

/** `a TO b, c TO d` (RENAME) or `a AS b, ...` (ALIAS). */
function readPairs(cursor: StatementCursor, joiner: 'TO' | 'AS'): NamePairs {
  const pairs: [string, string][] = [];
  do {
    const from = cursor.readListedName();
    cursor.expectWord(joiner);
    pairs.push([from, cursor.readListedName()]);
  } while (cursor.acceptChar(','));
  return pairs;
}

/** `TAG [FIELD[S]] a, b WITH 'tag', ...` or `TAG FIELDS USING map`; UNTAG alike. */
function parseTag(cursor: StatementCursor, untag: boolean): Statement {
  readTarget(cursor);
  if (cursor.acceptWord('USING'))
    return end(cursor, {
      kind: 'tagUsing',
      untag,
      mapping: cursor.readListedName('a mapping table'),
    });
  const fields = cursor.readNameList('a field name');
  cursor.expectWord('WITH');
  return end(cursor, { kind: 'tag', untag, fields, tags: cursor.readNameList('a tag') });
}

/** `COMMENT [FIELD[S]|TABLE[S]] names WITH 'text'` or `COMMENT ... USING map`. */
function parseComment(cursor: StatementCursor): Statement {
  const target = readTarget(cursor) ?? 'field';
  if (cursor.acceptWord('USING'))
    return end(cursor, {
      kind: 'commentUsing',
      target,
      mapping: cursor.readListedName('a mapping table'),
    });
  const names = cursor.readNameList(`a ${target} name`);
  cursor.expectWord('WITH');
  return end(cursor, { kind: 'comment', target, names, text: cursor.readListedName('a comment') });
}
