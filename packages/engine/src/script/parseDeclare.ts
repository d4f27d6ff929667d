import type { Expr } from '../expression/Expr.js';
import type { FieldDefinition, Statement } from './Statement.js';
import type { StatementCursor } from './StatementCursor.js';

/**
 * `DECLARE [FIELD[S]] DEFINITION [TAGGED tags] [PARAMETERS p = v, ...]
 * FIELDS expr AS name [TAGGED tags], ...` after its label. `$1` in the
 * expressions stands for the field a DERIVE applies the definition to.
 */
export function parseDeclare(cursor: StatementCursor, label: string): Statement {
  if (!cursor.acceptWord('FIELD')) cursor.acceptWord('FIELDS');
  cursor.expectWord('DEFINITION');
  if (cursor.peekWord() === 'USING') {
    cursor.readRest();
    return { kind: 'notSupported', what: 'DECLARE ... USING (a definition from another)' };
  }
  const tags = cursor.acceptWord('TAGGED') ? readTags(cursor) : [];
  const parameters: { name: string; value: Expr }[] = [];
  if (cursor.acceptWord('PARAMETERS')) {
    do {
      const name = cursor.readName('a parameter name');
      cursor.expectChar('=');
      parameters.push({ name, value: cursor.readExpression() });
    } while (cursor.acceptChar(','));
  }
  cursor.expectWord('FIELDS');
  const fields: FieldDefinition['fields'][number][] = [];
  do {
    const expr = cursor.readExpression();
    cursor.expectWord('AS');
    const name = cursor.readName('a field name');
    fields.push({ expr, name, tags: cursor.acceptWord('TAGGED') ? readTags(cursor) : [] });
  } while (cursor.acceptChar(','));
  if (cursor.peekWord() === 'GROUPS') {
    cursor.readRest();
    return {
      kind: 'notSupported',
      what: 'DECLARE ... GROUPS (drill-down groups of derived fields)',
    };
  }
  cursor.expectEnd();
  return { kind: 'declare', name: label, definition: { tags, parameters, fields } };
}

/** `DERIVE [FIELD[S]] FROM [FIELD[S]] a, b USING definition`. */
export function parseDerive(cursor: StatementCursor): Statement {
  if (!cursor.acceptWord('FIELD')) cursor.acceptWord('FIELDS');
  cursor.expectWord('FROM');
  if (cursor.peekWord() === 'EXPLICIT' || cursor.peekWord() === 'IMPLICIT') {
    cursor.readRest();
    return { kind: 'notSupported', what: 'DERIVE ... FROM EXPLICIT/IMPLICIT TAGS' };
  }
  if (!cursor.acceptWord('FIELD')) cursor.acceptWord('FIELDS');
  const fields = cursor.readNameList('a field name');
  cursor.expectWord('USING');
  const definition = cursor.readName('a field definition');
  cursor.expectEnd();
  return { kind: 'derive', fields, definition };
}

/** `'$a'`, `'$a', '$b'` or `('$a', '$b')`; a comma not followed by a tag ends the list. */
function readTags(cursor: StatementCursor): string[] {
  const parenthesized = cursor.acceptChar('(');
  const tags = [cursor.readString()];
  for (;;) {
    const at = cursor.pos;
    if (!cursor.acceptChar(',')) break;
    if (cursor.peekChar() !== "'") {
      cursor.pos = at;
      break;
    }
    tags.push(cursor.readString());
  }
  if (parenthesized) cursor.expectChar(')');
  return tags;
}
