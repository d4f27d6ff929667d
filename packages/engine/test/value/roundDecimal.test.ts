import { describe, expect, it } from 'vitest';
import { roundDecimal } from '../../src/value/roundDecimal.js';

describe('roundDecimal', () => {
  it('rounds half away from zero as the number is written, not as the double holds it', () => {
    const cases: [number, number, number][] = [
      [1.005, 2, 1.01],
      [2.675, 2, 2.68],
      [1.45, 1, 1.5],
      [8.345, 2, 8.35],
      [0.285, 2, 0.29],
      [35648.375, 2, 35648.38],
      [1234.5, 0, 1235],
      [-2.5, 0, -3],
      [-1.005, 2, -1.01],
      [1.0049999, 2, 1],
      [2.4999999, 0, 2],
      [0.1 + 0.2, 1, 0.3],
    ];
    for (const [value, decimals, expected] of cases)
      expect(roundDecimal(value, decimals)).toBe(expected);
  });

  it('leaves non-finite numbers alone', () => {
    expect(roundDecimal(NaN, 2)).toBeNaN();
    expect(roundDecimal(Infinity, 2)).toBe(Infinity);
  });
});
