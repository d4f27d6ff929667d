import { describe, expect, test } from 'vitest';
import { run } from '../expression/evaluateSource.js';

// Examples and stated results of the regular-expression string function
// pages of help.qlik.com (ExtractRegEx, ExtractRegExGroup, IndexRegEx,
// IndexRegExGroup, MatchRegEx, ReplaceRegEx, ReplaceRegExGroup,
// SubFieldRegEx and their case-insensitive ...I variants).

describe('regular-expression functions (the pages’ examples)', () => {
  test.each([
    ["ExtractRegEx('a,b c;1 2,3','[a-z]|[0-9]', 1)", 'a'],
    ["ExtractRegEx('a,b c;1 2,3','[a-z]|[0-9]', 2)", 'b'],
    ["ExtractRegEx('a,b c;1 2,3','[a-z]|[0-9]', 4)", '1'],
    ["ExtractRegEx('abc','a|b',-1)", 'b'],
    ["ExtractRegEx('A,B C;1 2,3','[a-c]|[4-9]')", null],
    ["ExtractRegExI('A,B C;1 2,3','[a-c]|[4-9]')", 'A'],
    ["ExtractRegExGroup('abc123 def456','([a-z]+)([0-9]+)',1)", 'abc'],
    ["ExtractRegExGroup('abc123 def456','([a-z]+)([0-9]+)',1,2)", 'def'],
    ["ExtractRegExGroup('abc123 def456','([a-z]+)([0-9]+)',2)", '123'],
    ["ExtractRegExGroup('abc123 def456','([a-z]+)([0-9]+)',2,2)", '456'],
    ["IndexRegEx('abc123','[a-z][0-9]+')", 3],
    ["IndexRegEx('abc123','[a-z][0-9]+',2)", 0],
    ["IndexRegEx('ABC123','[a-z][0-9]+')", 0],
    ["IndexRegExI('ABC123','[a-z][0-9]+')", 3],
    ["IndexRegExGroup('abc123','([a-z])([0-9]+)',0)", 3],
    ["IndexRegExGroup('abc123','([a-z])([0-9]+)',1)", 3],
    ["IndexRegExGroup('abc123','([a-z])([0-9]+)',2)", 4],
    ["IndexRegExGroup('ABC123','([a-z])([0-9]+)',1)", 0],
    ["IndexRegExGroupI('ABC123','([a-z])([0-9]+)',1)", 3],
    ["MatchRegEx('testSample','test')", 0],
    ["MatchRegEx('abc123','[a-z]','[0-9]','[a-z]+[0-9]+','.+')", 3],
    ["MatchRegEx('ABC','[abc]+','[123]')", 0],
    ["MatchRegExI('ABC','[abc]+','[123]')", 1],
    ["ReplaceRegEx('abc123','[0-9]','x')", 'abcxxx'],
    ["ReplaceRegEx('abc123','[0-9]','x',1)", 'abcx23'],
    ["ReplaceRegEx('abc123','[0-9]','x',4)", 'abc123'],
    ["ReplaceRegEx('ABC123','[a-c]','5')", 'ABC123'],
    ["ReplaceRegExI('ABC123','[a-c]','5')", '555123'],
    ["ReplaceRegExGroup('abc123','([a-z])([0-9]+)','x',0)", 'abx'],
    ["ReplaceRegExGroup('abc123','([a-z])([0-9]+)','x',1)", 'abx123'],
    ["ReplaceRegExGroup('abc123','([a-z])([0-9]+)','x',2)", 'abcx'],
    ["ReplaceRegExGroup('abc123abc123','([a-z])([0-9]+)','x',1,2)", 'abc123abx123'],
    ["ReplaceRegExGroup('ABC123ABC123','([a-z])([0-9]+)','x',1)", 'ABC123ABC123'],
    ["ReplaceRegExGroupI('ABC123ABC123','([a-z])([0-9]+)','x',1)", 'ABx123ABx123'],
    ["SubFieldRegEx('a,b c;1 2,3',' |,|;', 1)", 'a'],
    ["SubFieldRegEx('a;b;c;1;2;3',';', 2)", 'b'],
    ["SubFieldRegEx('a,b c;1 2,3',' |,|;', 4)", '1'],
  ])('%s is %s', (source, result) => {
    expect(run(source)).toBe(result);
  });

  test('CountRegEx counts the matches, 0 when there are none', () => {
    expect(run("CountRegEx('abc123','[0-9]')")).toBe(3);
    expect(run("CountRegEx('abc','[0-9]')")).toBe(0);
    expect(run("CountRegExI('aAa','a')")).toBe(3);
  });

  test('a NULL text or pattern gives NULL; an invalid pattern matches nothing', () => {
    expect(run("ExtractRegEx(Null(), 'a')")).toBeNull();
    expect(run("CountRegEx('abc', Null())")).toBeNull();
    expect(run("CountRegEx('abc', '(')")).toBe(0);
    expect(run("MatchRegEx('abc', '(', 'abc')")).toBe(2);
  });
});
