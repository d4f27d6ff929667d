import { describe, expect, test } from 'vitest';
import { toText } from '../../src/value/toText.js';
import { run } from '../expression/evaluateSource.js';

// Examples and stated results of the conditional, logical and NULL function
// pages of help.qlik.com.

describe('conditional functions', () => {
  test('Class buckets a number, with a label and an offset', () => {
    expect(toText(run('Class(var, 10)', { var: 23 }))).toBe('20<=x<30');
    expect(toText(run("Class(var, 5, 'value')", { var: 23 }))).toBe('20<= value <25');
    expect(toText(run("Class(var, 10, 'x', 5)", { var: 23 }))).toBe('15<=x<25');
  });

  test('Match is case sensitive, MixMatch is not, WildMatch takes * and ?', () => {
    expect(run("Match(M, 'Jan', 'Feb', 'Mar')", { M: 'Feb' })).toBe(2);
    expect(run("Match(M, 'Jan', 'Feb', 'Mar')", { M: 'Apr' })).toBe(0);
    expect(run("Match(M, 'Jan', 'Feb', 'Mar')", { M: 'jan' })).toBe(0);
    expect(run("MixMatch(M, 'Jan', 'Feb', 'Mar')", { M: 'jan' })).toBe(1);
    expect(run("WildMatch(M, 'ja*', 'fe?', 'mar')", { M: 'January' })).toBe(1);
    expect(run("WildMatch(M, 'ja*', 'fe?', 'mar')", { M: 'fex' })).toBe(2);
    expect(run("WildMatch(M, 'ja*', 'fe?', 'mar')", { M: 'Mar' })).toBe(3);
  });

  test('Pick, Alt and Coalesce', () => {
    expect(run("Pick(N, 'A', 'B', 4, 6)", { N: 2 })).toBe('B');
    expect(run("Pick(N, 'A', 'B', 4, 6)", { N: 3 })).toBe(4);
    expect(
      run("Alt(Date#(d, 'YYYY/MM/DD'), Date#(d, 'MM/DD/YYYY'), 'No valid date')", { d: 'x' }),
    ).toBe('No valid date');
    expect(run("Coalesce(Null(), 'abc', 'def')")).toBe('abc');
    expect(run("Coalesce('', 'abc')")).toBe('');
  });
});

describe('logical and NULL functions', () => {
  test('IsNum and IsText', () => {
    expect(run('IsNum(24)')).toBe(-1);
    expect(run("IsNum('abc')")).toBe(0);
    expect(run("IsText('abc')")).toBe(-1);
    expect(run('IsText(24)')).toBe(0);
    expect(run('IsText(Null())')).toBe(0);
  });

  test('Null, IsNull and EmptyIsNull', () => {
    expect(run('Null()')).toBeNull();
    expect(run('IsNull(Null())')).toBe(-1);
    expect(run("IsNull('')")).toBe(0);
    expect(run("EmptyIsNull('')")).toBeNull();
    expect(run("EmptyIsNull('x')")).toBe('x');
  });
});
