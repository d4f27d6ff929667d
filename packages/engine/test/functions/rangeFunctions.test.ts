import { describe, expect, test } from 'vitest';
import { run } from '../expression/evaluateSource.js';

// Examples and stated results of the range function pages of help.qlik.com.

describe('range functions', () => {
  test.each([
    ['RangeSum(1, 2, 4)', 7],
    ["RangeSum(5, 'abc')", 5],
    ['RangeSum(Null())', 0],
    ["RangeAvg(1, 'xyz')", 1],
    ["RangeAvg(Null(), 'abc')", null],
    ['RangeCount(1, 2, 4)', 3],
    ["RangeCount(2, 'xyz')", 2],
    ['RangeCount(Null())', 0],
    ["RangeCount('abc', 'def', Null())", 2],
    ['RangeMax(1, 2, 4)', 4],
    ["RangeMax(1, 'xyz')", 1],
    ["RangeMax(Null(), 'abc')", null],
    ['RangeMin(1, 2, 4)', 1],
    ["RangeMin(1, 'xyz')", 1],
    ["RangeMin(Null(), 'abc')", null],
    ['RangeMaxString(1, 2, 4)', 4],
    ["RangeMaxString('xyz', 'abc')", 'xyz'],
    ["RangeMaxString(5, 'abc')", 'abc'],
    ['RangeMaxString(Null())', null],
    ['RangeMinString(1, 2, 4)', 1],
    ["RangeMinString('xyz', 'abc')", 'abc'],
    ["RangeMinString(5, 'abc')", 5],
    ['RangeMinString(Null())', null],
    ['RangeMissingCount(1, 2, 4)', 0],
    ["RangeMissingCount(5, 'abc')", 1],
    ['RangeMissingCount(Null())', 1],
    ['RangeMode(1, 2, 9, 2, 4)', 2],
    ["RangeMode('a', 4, 'a', 4)", null],
    ['RangeMode(Null())', null],
    ['RangeNullCount(1, 2, 4)', 0],
    ["RangeNullCount(5, 'abc')", 0],
    ['RangeNullCount(Null(), Null())', 2],
    ['RangeNumericCount(1, 2, 4)', 3],
    ["RangeNumericCount(5, 'abc')", 1],
    ['RangeNumericCount(Null())', 0],
    ['RangeTextCount(1, 2, 4)', 0],
    ["RangeTextCount(5, 'abc')", 1],
    ['RangeTextCount(Null())', 0],
    ['RangeOnly(1, 2, 4)', null],
    ["RangeOnly(1, 'xyz')", null],
    ["RangeOnly(Null(), 'abc')", 'abc'],
    ['RangeStdev(Null())', null],
    ['RangeFractile(0.24, 1, 2, 4, 6)', 1.72],
    ['RangeFractile(0.5, 1, 2, 3, 4, 6)', 3],
    ['RangeFractile(0.5, 1, 2, 5, 6)', 3.5],
  ])('%s is %s', (source, result) => {
    const value = run(source);
    if (typeof result === 'number') expect(value).toBeCloseTo(result, 12);
    else expect(value).toBe(result);
  });

  test.each([
    ['RangeAvg(1, 2, 4)', 2.33333333],
    ['RangeStdev(1, 2, 4)', 1.5275252316519],
    ["RangeStdev(1, 2, 'xyz')", 0.70710678118655],
    ['RangeKurtosis(1, 2, 4, 7)', -0.28571428571429],
    ['RangeCorrel(2, 3, 6, 8, 9, 4)', 0.269],
    ['RangeIRR(-70000, 12000, 15000, 18000, 21000, 26000)', 0.0866],
    ['RangeNPV(0.1, -10000, 3000, 4200, 6800)', 1188.4434123352],
  ])('%s is about %s', (source, result) => {
    const digits = String(result).split('.')[1]!.length;
    expect(run(source)).toBeCloseTo(result, Math.min(digits, 10) - 1);
  });

  test('RangeSkew is the sample skewness, as Skew() of the same numbers (0.32625351 on the Skew page)', () => {
    expect(run('RangeSkew(1, 2, 3)')).toBe(0);
    const observation = '35,40,12,15,21,14,46,10,28,48,16,30,32,48,31,22,12,39,19,25';
    expect(run(`RangeSkew(${observation})`)).toBeCloseTo(0.32625351, 8);
  });

  test('RangeFractileExc ranks at fraction·(N+1)', () => {
    expect(run('RangeFractileExc(0.5, 1, 2, 3, 4, 6)')).toBe(3);
    expect(run('RangeFractileExc(0.75, 1, 2, 3, 4)')).toBeCloseTo(3.75, 12);
    expect(run('RangeFractileExc(0.1, 1, 2, 3, 4)')).toBeNull();
  });

  test('RangeXIRR and RangeXNPV read value, date pairs', () => {
    const xnpv = run("RangeXNPV(0.1, -2500, '2008-01-01', 2750, '2008-09-01')") as number;
    expect(xnpv).toBeCloseTo(-2500 + 2750 / 1.1 ** (244 / 365), 9);
    const xirr = run("RangeXIRR(-2500, '2008-01-01', 2750, '2008-09-01')") as number;
    expect(-2500 + 2750 / (1 + xirr) ** (244 / 365)).toBeCloseTo(0, 8);
  });
});
