import { describe, expect, it } from 'vitest';
import { ScriptError } from '../../src/script/ScriptError.js';
import { run } from './scriptTestKit.js';

async function failure(script: string): Promise<ScriptError> {
  try {
    await run(script);
  } catch (error) {
    if (error instanceof ScriptError) return error;
    throw error;
  }
  throw new Error('script did not fail');
}

describe('script errors name the line and column', () => {
  it.each([
    ['an unknown statement', 'SET a = 1;\n  FOO bar;', 'SCRIPT_SYNTAX', 2, 3],
    [
      'a bad expression in a field list',
      'T: LOAD 1 +* 2 as x AUTOGENERATE 1;',
      'SCRIPT_SYNTAX',
      1,
      12,
    ],
    ['a missing comma in a field list', '\nT: LOAD a b INLINE [\na\n1\n];', 'SCRIPT_SYNTAX', 2, 11],
    ['an unknown format spec item', 'T: LOAD * FROM [x.csv] (txt, bogus);', 'SCRIPT_SYNTAX', 1, 30],
    ['an unterminated block comment', 'SET a = 1;\n/* never closed', 'SCRIPT_SYNTAX', 2, 1],
    ['an unterminated bracket', 'T: LOAD [a FROM x;', 'SCRIPT_SYNTAX', 1, 9],
    ['IF without END IF', 'IF 1 = 1 THEN\n  SET a = 1;', 'SCRIPT_SYNTAX', 1, 1],
    ['NEXT without FOR', 'SET a = 1;\nNEXT i', 'SCRIPT_SYNTAX', 2, 1],
    ['a label without LOAD', 'T: SET a = 1;', 'SCRIPT_SYNTAX', 1, 4],
    [
      'a missing resident table',
      '\n\n  T: LOAD * RESIDENT Missing;',
      'SCRIPT_TABLE_NOT_FOUND',
      3,
      3,
    ],
    [
      'a missing GROUP BY field',
      'T: LOAD 1 as a AUTOGENERATE 1;\nU: LOAD Sum(a) as s RESIDENT T GROUP BY b;',
      'SCRIPT_FIELD_NOT_FOUND',
      2,
      1,
    ],
    ['a field named twice', 'T: LOAD 1 as a, 2 as a AUTOGENERATE 1;', 'SCRIPT_SYNTAX', 1, 1],
    [
      'a missing mapping table',
      "T: LOAD ApplyMap('nope', 1) as a AUTOGENERATE 1;",
      'SCRIPT_RUNTIME',
      1,
      1,
    ],
    ['dropping a missing table', 'DROP TABLE Ghost;', 'SCRIPT_TABLE_NOT_FOUND', 1, 1],
    ['a preceding load with nothing below', 'T: LOAD 1 as a;', 'SCRIPT_SYNTAX', 1, 1],
    ['calling an undefined sub', 'CALL Nothing(1);', 'SCRIPT_RUNTIME', 1, 1],
    [
      'a field the source lacks',
      'T: LOAD * INLINE [\na\n1\n];\n  U: LOAD nope RESIDENT T;',
      'SCRIPT_FIELD_NOT_FOUND',
      5,
      11,
    ],
    [
      'an unknown field in an IF condition',
      'SET a = 1;\nIF nope = 1 THEN\nEND IF',
      'SCRIPT_FIELD_NOT_FOUND',
      2,
      4,
    ],
    ['a $( without )', 'SET a = 1;\n  SET b = $(a;', 'SCRIPT_SYNTAX', 2, 11],
    [
      'an unknown field in WHERE',
      'T: LOAD 1 as a AUTOGENERATE 2;\nU: LOAD a as c RESIDENT T\n  WHERE a > 0 and b < 1;',
      'SCRIPT_FIELD_NOT_FOUND',
      3,
      19,
    ],
    ['an unknown function', 'T: LOAD NoSuchFn(1) as x AUTOGENERATE 1;', 'SCRIPT_RUNTIME', 1, 1],
    ['EXIT FOR outside a loop', 'EXIT FOR;', 'SCRIPT_SYNTAX', 1, 1],
  ])('%s', async (_, script, code, line, column) => {
    const error = await failure(script);
    expect({ code: error.code, line: error.line, column: error.column }).toEqual({
      code,
      line,
      column,
    });
    expect(error.message).toContain(`line ${line}, column ${column}`);
  });

  it('keeps the underlying error as cause', async () => {
    const error = await failure('T: LOAD 1 +* 2 as x AUTOGENERATE 1;');
    expect(error.cause).toBeInstanceOf(Error);
  });
});
