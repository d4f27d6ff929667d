import { describe, expect, it } from 'vitest';
import { Dual } from '../../src/value/Value.js';
import { num, run } from './evaluateSource.js';

describe('conditional functions', () => {
  it('Alt returns the first argument that has a number, else the last', () => {
    expect(
      run("Alt(Date#(d, 'YYYY/MM/DD'), Date#(d, 'MM/DD/YYYY'), 'No valid date')", {
        d: '12/31/2023',
      }),
    ).toEqual(new Dual('12/31/2023', 45291));
    expect(
      run("Alt(Date#(d, 'YYYY/MM/DD'), Date#(d, 'MM/DD/YYYY'), 'No valid date')", { d: 'junk' }),
    ).toBe('No valid date');
    expect(run("Alt(n, 'x', 0)", { n: null })).toBe(0);
  });

  it('Pick chooses by 1-based position', () => {
    expect(run("Pick(2, 'A', 'B', 4)")).toBe('B');
    expect(run("Pick(3, 'A', 'B', 4)")).toBe(4);
    expect(run("Pick(5, 'A', 'B')")).toBeNull();
  });

  it('Match compares exactly, MixMatch ignoring case, WildMatch with wildcards', () => {
    expect(run("Match(M, 'Jan', 'Feb', 'Mar')", { M: 'Feb' })).toBe(2);
    expect(run("Match(M, 'Jan', 'Feb', 'Mar')", { M: 'feb' })).toBe(0);
    expect(run("MixMatch(M, 'Jan', 'Feb', 'Mar')", { M: 'feb' })).toBe(2);
    expect(run("WildMatch(M, 'ja*', 'fe?', 'mar')", { M: 'Mar' })).toBe(3);
    expect(run("WildMatch(M, 'ja*', 'fe?')", { M: 'February' })).toBe(0);
    expect(run('Match(3, 1, 2, 3)')).toBe(3);
  });

  it('Coalesce returns the first non-NULL argument', () => {
    expect(run("Coalesce(Null(), 'abc', 'x')")).toBe('abc');
    expect(run('Coalesce(Null(), Null())')).toBeNull();
  });

  it('IsNull, IsNum and IsText test the kind of a value', () => {
    expect(run('IsNull(Null())')).toBe(-1);
    expect(run("IsNull('')")).toBe(0);
    expect(run('IsNum(24)')).toBe(-1);
    expect(run("IsNum('2.3')")).toBe(-1);
    expect(run("IsNum('abc')")).toBe(0);
    expect(run('IsNum(Null())')).toBe(0);
    expect(run("IsText('abc')")).toBe(-1);
    expect(run('IsText(24)')).toBe(0);
    expect(run('IsText(Null())')).toBe(0);
  });

  it('True() and False() are -1 and 0 (duals of True and False)', () => {
    expect(num('True()')).toBe(-1);
    expect(num('False()')).toBe(0);
    expect(run('Null()')).toBeNull();
  });
});
