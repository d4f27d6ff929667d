import { describe, expect, test } from 'vitest';
import { toText } from '../../src/value/toText.js';
import { Dual } from '../../src/value/Value.js';
import { run } from '../expression/evaluateSource.js';

// Financial functions. FV, PV and Pmt are shown as money, Rate as a
// percentage; the values are the annuity formulas' classic reference cases.

const numberOf = (source: string) => {
  const value = run(source);
  return value instanceof Dual ? value.num : (value as number);
};

describe('financial functions', () => {
  test('FV, PV, Pmt, nPer and Rate', () => {
    expect(numberOf('FV(0.06/12, 10, -200, -500, 1)')).toBeCloseTo(2581.40337406, 6);
    expect(numberOf('PV(0.08/12, 12*20, 500)')).toBeCloseTo(-59777.14585, 4);
    expect(numberOf('Pmt(0.08/12, 10, 10000)')).toBeCloseTo(-1037.03208935, 6);
    expect(numberOf('nPer(0.12/12, -100, -1000, 10000, 1)')).toBeCloseTo(59.6738657, 6);
    expect(numberOf('Rate(4*12, -200, 8000)')).toBeCloseTo(0.00770147, 8);
  });

  test('FV, PV and Pmt show as money, Rate as a percentage', () => {
    expect(toText(run('Pmt(0.08/12, 10, 10000)'))).toBe('-$1,037.03');
    expect(toText(run('FV(0.06/12, 10, -200, -500, 1)'))).toBe('$2,581.40');
    expect(toText(run('Rate(4*12, -200, 8000)'))).toBe('0.77%');
  });

  test('BlackAndSchole prices a call and a put', () => {
    expect(run("BlackAndSchole(130, 4, 68.5, 0.4, 0.04, 'call')")).toBeCloseTo(11.245, 3);
    const call = run("BlackAndSchole(100, 1, 100, 0.2, 0.05, 'call')") as number;
    const put = run("BlackAndSchole(100, 1, 100, 0.2, 0.05, 'put')") as number;
    // Put-call parity: C - P = S - K·e^(-rT).
    expect(call - put).toBeCloseTo(100 - 100 * Math.exp(-0.05), 10);
  });
});
