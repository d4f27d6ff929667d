import { describe, expect, it } from 'vitest';
import { run } from './evaluateSource.js';

describe('numeric functions (examples from the Qlik numeric function reference)', () => {
  it('Round rounds half up to a step with an offset', () => {
    expect(run('Round(2.5)')).toBe(3);
    expect(run('Round(2)')).toBe(2);
    expect(run('Round(2.4)')).toBe(2);
    expect(run('Round(3.88, 0.1)')).toBe(3.9);
    expect(run('Round(3.88, 5)')).toBe(5);
    expect(run('Round(1.1, 1, 0.5)')).toBe(1.5);
  });

  it('Floor and Ceil round down and up to a step with an offset', () => {
    expect(run('Floor(2.4)')).toBe(2);
    expect(run('Floor(4.2)')).toBe(4);
    expect(run('Floor(3.88, 0.1)')).toBe(3.8);
    expect(run('Floor(3.88, 5)')).toBe(0);
    expect(run('Floor(1.1, 1, 0.5)')).toBe(0.5);
    expect(run('Floor(0.3, 0.1)')).toBe(0.3);
    expect(run('Ceil(2.4)')).toBe(3);
    expect(run('Ceil(2.6)')).toBe(3);
    expect(run('Ceil(3.88, 0.1)')).toBe(3.9);
    expect(run('Ceil(3.88, 5)')).toBe(5);
    expect(run('Ceil(1.1, 1, 0.5)')).toBe(1.5);
  });

  it('Mod is the non-negative modulo of integers; a divisor below 1 gives NULL', () => {
    expect(run('Mod(7, 2)')).toBe(1);
    expect(run('Mod(7.5, 2)')).toBeNull();
    expect(run('Mod(9, 0)')).toBeNull();
    expect(run('Mod(-7, 2)')).toBe(1);
    expect(run('Mod(7, -2)')).toBeNull();
  });

  it('Fmod keeps the sign of the dividend', () => {
    expect(run('Fmod(7, 2)')).toBe(1);
    expect(run('Fmod(7.5, 2)')).toBe(1.5);
    expect(run('Fmod(9, 0)')).toBeNull();
    expect(run('Fmod(-7, 2)')).toBe(-1);
    expect(run('Fmod(7, -2)')).toBe(1);
  });

  it('Div returns the integer part of a division', () => {
    expect(run('Div(7, 2)')).toBe(3);
    expect(run('Div(9, 3)')).toBe(3);
    expect(run('Div(-4, 3)')).toBe(-1);
    expect(run('Div(4, -3)')).toBe(-1);
    expect(run('Div(-4, -3)')).toBe(1);
  });

  it('Frac, Sign, Abs, Even and Odd', () => {
    expect(run('Frac(11.43)')).toBe(0.43);
    expect(run('Frac(-1.4)')).toBe(0.6);
    expect(run('Sign(66)')).toBe(1);
    expect(run('Sign(0)')).toBe(0);
    expect(run('Sign(-234)')).toBe(-1);
    expect(run('Abs(-3.5)')).toBe(3.5);
    expect(run('Even(3)')).toBe(0);
    expect(run('Even(2 * 10)')).toBe(-1);
    expect(run('Even(3.14)')).toBeNull();
    expect(run('Odd(3)')).toBe(-1);
    expect(run('Odd(2 * 10)')).toBe(0);
  });

  it('Sqrt, Exp, Log, Log10, Pow and friends', () => {
    expect(run('Sqrt(16)')).toBe(4);
    expect(run('Sqrt(-1)')).toBeNull();
    expect(run('Exp(0)')).toBe(1);
    expect(run('Log(Exp(2))')).toBe(2);
    expect(run('Log(-5)')).toBeNull();
    expect(run('Log10(1000)')).toBe(3);
    expect(run('Pow(3, 3)')).toBe(27);
    expect(run('Asin(2)')).toBeNull();
    expect(run('Fact(5)')).toBe(120);
    expect(run('Combin(7, 3)')).toBe(35);
    expect(run('Permut(5, 2)')).toBe(20);
    expect(run('BitCount(3)')).toBe(2);
  });

  it('Rand is in [0, 1)', () => {
    const r = run('Rand()') as number;
    expect(r).toBeGreaterThanOrEqual(0);
    expect(r).toBeLessThan(1);
  });

  it('returns NULL for NULL or text that is no number (Qlik NULL rules)', () => {
    const row = { n: null };
    for (const call of ['Round(n)', 'Abs(n)', "Sqrt('abc')", 'Mod(n, 2)', 'Floor(n)'])
      expect(run(call, row)).toBeNull();
  });
});

describe('range functions', () => {
  it('RangeSum adds the numeric arguments, 0 when there are none', () => {
    expect(run('RangeSum(1, 2, 4)')).toBe(7);
    expect(run("RangeSum(5, 'abc')")).toBe(5);
    expect(run('RangeSum(Null())')).toBe(0);
  });

  it('RangeAvg, RangeMin and RangeMax ignore text and NULL', () => {
    expect(run('RangeAvg(1, 2, 4)')).toBeCloseTo(7 / 3, 12);
    expect(run("RangeAvg(1, 'xyz')")).toBe(1);
    expect(run("RangeAvg(Null(), 'abc')")).toBeNull();
    expect(run('RangeMin(1, 2, 4)')).toBe(1);
    expect(run("RangeMin(1, 'xyz')")).toBe(1);
    expect(run("RangeMin(Null(), 'abc')")).toBeNull();
    expect(run('RangeMax(1, 2, 4)')).toBe(4);
    expect(run("RangeMax(Null(), 'abc')")).toBeNull();
  });

  it('RangeCount counts non-NULL arguments; the typed counts split them', () => {
    expect(run('RangeCount(1, 2, 4)')).toBe(3);
    expect(run("RangeCount(2, 'xyz')")).toBe(2);
    expect(run('RangeCount(Null())')).toBe(0);
    expect(run("RangeNumericCount(1, 'a', Null())")).toBe(1);
    expect(run("RangeTextCount(1, 'a', Null())")).toBe(1);
    expect(run("RangeNullCount(1, 'a', Null())")).toBe(1);
  });
});
