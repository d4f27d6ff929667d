import { describe, expect, test } from 'vitest';
import { run } from '../expression/evaluateSource.js';

// Examples and stated results of the string function pages of help.qlik.com.

describe('string functions', () => {
  test.each([
    ["Capitalize('my little pony')", 'My Little Pony'],
    ['Chr(65)', 'A'],
    ["FindOneOf('my example text string', 'et%s')", 4],
    ["FindOneOf('my example text string', 'et%s', 3)", 12],
    ["FindOneOf('my example text string', '¤%&')", 0],
    ["Index('abcdefg', 'cd')", 3],
    ["Index('abcdabcd', 'b', 2)", 6],
    ["Index('abcdabcd', 'b', -2)", 2],
    ["KeepChar('a1b2c3', '123')", '123'],
    ["Left('abcdef', 3)", 'abc'],
    ["Len('Peter')", 5],
    ["LevenshteinDist('Kitten', 'Sitting')", 3],
    ["Lower('abcD')", 'abcd'],
    ["LTrim('   abc')", 'abc'],
    ["LTrim('abc   ')", 'abc   '],
    ["Mid('abcdef', 3)", 'cdef'],
    ["Mid('abcdef', 3, 2)", 'cd'],
    ["Ord('A')", 65],
    ["PurgeChar('a1b2c3', '123')", 'abc'],
    ["Repeat(' * ', 3)", ' *  *  * '],
    ["Replace('abccde', 'cc', 'xyz')", 'abxyzde'],
    ["Right('abcdef', 3)", 'def'],
    ["RTrim(' abc')", ' abc'],
    ["RTrim('abc ')", 'abc'],
    ["SubField('abc;cde;efg', ';', 2)", 'cde'],
    ["SubField('abc;cde;efg', ';', -2)", 'cde'],
    ["SubField(Null(), ';', 1)", ''],
    ["SubField(';', ';', 1)", ''],
    ["SubField('\\Users\\ext_jrb\\Documents\\Qlik\\Sense\\Apps;', '\\', -3)", 'Qlik'],
    ["SubStringCount('abcdefgcdxyz', 'cd')", 2],
    ["SubStringCount('abcdefgcdxyz', 'dc')", 0],
    ["TextBetween('<abc>', '<', '>')", 'abc'],
    ["TextBetween('<abc><de>', '<', '>', 2)", 'de'],
    ["TextBetween('abc', '<', '>')", null],
    ["TextBetween('<a<b', '<', '>')", null],
    ["Trim('   abc   ')", 'abc'],
    ["Upper('abcD')", 'ABCD'],
  ])('%s is %s', (source, result) => {
    expect(run(source)).toBe(result);
  });

  test('NULL in gives NULL out', () => {
    for (const source of [
      'Len(Null())',
      'Left(Null(), 2)',
      "Replace(Null(), 'a', 'b')",
      'Upper(Null())',
    ])
      expect(run(source)).toBeNull();
  });

  test('the hash functions give fixed-width keys, equal for equal values', () => {
    const a = run("Hash128('abc', 'xyz', '123')") as string;
    expect(a).toHaveLength(22);
    expect(run("Hash128('abc', 'xyz', '123')")).toBe(a);
    expect(run("Hash128('abcxyz', '123')")).not.toBe(a);
    expect((run("Hash160('abc')") as string).length).toBe(27);
    expect((run("Hash256('abc')") as string).length).toBe(43);
  });
});

describe('JSON functions', () => {
  test('IsJson checks validity and, when asked, the type', () => {
    expect(run('IsJson(\'{"a":1}\')')).toBe(-1);
    expect(run("IsJson('{a:1}')")).toBe(0);
    expect(run("IsJson('[1,2]', 'array')")).toBe(-1);
    expect(run("IsJson('[1,2]', 'object')")).toBe(0);
    expect(run("IsJson('\"x\"', 'string')")).toBe(-1);
    expect(run("IsJson('12', 'value')")).toBe(-1);
  });

  test('JsonGet reads and JsonSet writes at a JSON Pointer path', () => {
    expect(run('JsonGet(\'{"a":{"b":[10,20]}}\', \'/a/b/1\')')).toBe('20');
    expect(run('JsonGet(\'{"a":"x"}\', \'/a\')')).toBe('"x"');
    expect(run('JsonGet(\'{"a":"x"}\', \'/nope\')')).toBeNull();
    expect(run("JsonSet('{\"a\":1}', '/b', '[2]')")).toBe('{"a":1,"b":[2]}');
    expect(run("JsonSet('{\"a\":1}', '/b', 'bad')")).toBeNull();
  });
});
