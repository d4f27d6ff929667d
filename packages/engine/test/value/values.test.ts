import { describe, expect, it } from 'vitest';
import { compareValues } from '../../src/value/compareValues.js';
import { dayOf, partsFromSerial, serialFromParts } from '../../src/value/dateSerial.js';
import { isNull } from '../../src/value/isNull.js';
import { numberToText } from '../../src/value/numberToText.js';
import { toNumber } from '../../src/value/toNumber.js';
import { toText } from '../../src/value/toText.js';
import { fromBoolean, isTrue } from '../../src/value/truth.js';
import { Dual, type Value } from '../../src/value/Value.js';

describe('dual semantics', () => {
  it('toNumber takes the number part, reads number-like text, NaN otherwise', () => {
    expect(toNumber(3)).toBe(3);
    expect(toNumber(new Dual('Jan', 1))).toBe(1);
    expect(toNumber(' 2.5 ')).toBe(2.5);
    expect(toNumber('abc')).toBeNaN();
    expect(toNumber(null)).toBeNaN();
  });

  it('toText takes the text part; NULL reads as empty', () => {
    expect(toText('abc')).toBe('abc');
    expect(toText(new Dual('Jan', 1))).toBe('Jan');
    expect(toText(12.5)).toBe('12.5');
    expect(toText(null)).toBe('');
    expect(numberToText(0.1 + 0.2)).toBe('0.3');
    expect(numberToText(2.5, ',')).toBe('2,5');
    expect(numberToText(1e21)).toBe('1e+21');
    // Integers under 1e15 read as they are, any other number as its value rounded to 14 significant digits.
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (let i = 0; i < 20_000; i++) {
      const digits = 1 + Math.floor(next() * 17);
      const n = Number((next() * 2 - 1).toPrecision(digits)) * 10 ** Math.floor(next() * 40 - 20);
      const whole = Number.isInteger(n) && Math.abs(n) < 1e15;
      expect(numberToText(n)).toBe(String(whole ? n : Number(n.toPrecision(14))));
    }
  });

  it('isNull is true only for NULL', () => {
    expect(isNull(null)).toBe(true);
    expect(isNull('')).toBe(false);
    expect(isNull(0)).toBe(false);
  });

  it('truth: non-zero numbers are true; -1 and 0 are the logical values', () => {
    expect(isTrue(-1)).toBe(true);
    expect(isTrue(0.5)).toBe(true);
    expect(isTrue(0)).toBe(false);
    expect(isTrue(null)).toBe(false);
    expect(isTrue('abc')).toBe(false);
    expect(isTrue('1')).toBe(true);
    expect(fromBoolean(true)).toBe(-1);
    expect(fromBoolean(false)).toBe(0);
  });
});

describe('compareValues', () => {
  it('sorts numbers first by number, then texts by text, NULL last', () => {
    const values: Value[] = ['b', null, 10, new Dual('Feb', 2), 'A', 1.5, 'a'];
    const sorted = [...values].sort(compareValues).map((v) => (v === null ? 'NULL' : toText(v)));
    expect(sorted).toEqual(['1.5', 'Feb', '10', 'a', 'A', 'b', 'NULL']);
  });

  it('is 0 for equal values', () => {
    expect(compareValues(2, new Dual('two', 2))).toBe(0);
    expect(compareValues('x', 'x')).toBe(0);
    expect(compareValues(null, null)).toBe(0);
  });
});

describe('date serials', () => {
  it('count days from 1899-12-30', () => {
    expect(serialFromParts(1899, 12, 30)).toBe(0);
    expect(serialFromParts(2024, 1, 31)).toBe(45322);
    expect(serialFromParts(2024, 1, 31, 18)).toBe(45322.75);
    expect(serialFromParts(2023, 14, 1)).toBe(serialFromParts(2024, 2, 1));
  });

  it('split back into parts, to the millisecond', () => {
    expect(partsFromSerial(45322.75)).toEqual({
      year: 2024,
      month: 1,
      day: 31,
      hour: 18,
      minute: 0,
      second: 0,
      millisecond: 0,
      isoWeekDay: 2,
    });
    expect(partsFromSerial(serialFromParts(1950, 6, 15, 1, 2, 3, 456)).millisecond).toBe(456);
    expect(dayOf(45322.999)).toBe(45322);
    // A serial a hair below midnight from float arithmetic belongs to the next day.
    expect(dayOf(45323 - 1e-12)).toBe(45323);
  });
});
