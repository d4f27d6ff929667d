import { describe, expect, test } from 'vitest';
import { Dual } from '../../src/value/Value.js';
import { run } from '../expression/evaluateSource.js';

// Examples and stated results of the general numeric, exponential and
// logarithmic, trigonometric and constant function pages of help.qlik.com.

describe('general numeric functions', () => {
  test.each([
    ['BitCount(3)', 2],
    ['BitCount(-1)', 64],
    ['Ceil(2.4)', 3],
    ['Ceil(4.2)', 5],
    ['Ceil(3.88, 0.1)', 3.9],
    ['Ceil(3.88, 5)', 5],
    ['Ceil(1.1, 1)', 2],
    ['Ceil(1.1, 1, 0.5)', 1.5],
    ['Ceil(1.1, 1, -0.01)', 1.99],
    ['Combin(7, 3)', 35],
    ['Div(7, 2)', 3],
    ['Div(9, 3)', 3],
    ['Div(-4, 3)', -1],
    ['Div(4, -3)', -1],
    ['Div(-4, -3)', 1],
    ['Even(3)', 0],
    ['Even(2 * 10)', -1],
    ['Even(3.14)', null],
    ['Fabs(2.4)', 2.4],
    ['Fabs(-3.8)', 3.8],
    ['Fact(1)', 1],
    ['Fact(5)', 120],
    ['Fact(-5)', null],
    ['Floor(2.4)', 2],
    ['Floor(4.2)', 4],
    ['Floor(3.88, 0.1)', 3.8],
    ['Floor(3.88, 5)', 0],
    ['Floor(1.1, 1)', 1],
    ['Floor(1.1, 1, 0.5)', 0.5],
    ['Fmod(7, 2)', 1],
    ['Fmod(7.5, 2)', 1.5],
    ['Fmod(9, 3)', 0],
    ['Fmod(-4, 3)', -1],
    ['Fmod(4, -3)', 1],
    ['Fmod(-4, -3)', -1],
    ['Frac(11.43)', 0.43],
    ['Frac(-1.4)', 0.6],
    ['Mod(7, 2)', 1],
    ['Mod(7.5, 2)', null],
    ['Mod(9, 3)', 0],
    ['Mod(-4, 3)', 2],
    ['Mod(4, -3)', null],
    ['Mod(-4, -3)', null],
    ['Odd(3)', -1],
    ['Odd(2 * 10)', 0],
    ['Odd(3.14)', null],
    ['Permut(10, 2)', 90],
    ['Round(3.88)', 4],
    ['Round(3.88, 0.1)', 3.9],
    ['Round(2.5)', 3],
    ['Round(2)', 2],
    ['Round(2.4)', 2],
    ['Round(3.88, 5)', 5],
    ['Round(1.1, 1, 0.5)', 1.5],
    ['Round(1.1, 1, -0.01)', 0.99],
    ['Sign(66)', 1],
    ['Sign(0)', 0],
    ['Sign(-234)', -1],
  ])('%s is %s', (source, result) => {
    expect(run(source)).toBe(result);
  });
});

describe('exponential, logarithmic and trigonometric functions', () => {
  test.each([
    ['Exp(3)', Math.exp(3)],
    ['Log(8)', Math.log(8)],
    ['Log10(100)', 2],
    ['Pow(3, 3)', 27],
    ['Sqr(3)', 9],
    ['Sqrt(3)', Math.sqrt(3)],
    ['Cos(0)', 1],
    ['Acos(1)', 0],
    ['Sin(0)', 0],
    ['Asin(1)', Math.PI / 2],
    ['Tan(0)', 0],
    ['Atan(1)', Math.PI / 4],
    ['Atan2(1, 1)', Math.PI / 4],
    ['Cosh(0)', 1],
    ['Sinh(0)', 0],
    ['Tanh(0)', 0],
  ])('%s', (source, result) => {
    expect(run(source)).toBeCloseTo(result, 12);
  });

  test('outside their domain they give NULL', () => {
    expect(run('Sqrt(-1)')).toBeNull();
    expect(run('Log(0)')).toBeNull();
    expect(run('Log10(-5)')).toBeNull();
    expect(run('Acos(2)')).toBeNull();
    expect(run('Pow(-8, 0.5)')).toBeNull();
  });
});

describe('constants and parameter-free functions', () => {
  test('Pi and e are the constants; Rand lies in [0, 1)', () => {
    expect(run('Pi()')).toBe(Math.PI);
    expect(run('e()')).toBe(Math.E);
    const r = run('Rand()') as number;
    expect(r >= 0 && r < 1).toBe(true);
  });

  test("True() and False() are duals of 'True', -1 and 'False', 0", () => {
    expect(run('True()')).toEqual(new Dual('True', -1));
    expect(run('False()')).toEqual(new Dual('False', 0));
    expect(run('If(True(), 1, 2)')).toBe(1);
  });
});
