import { describe, expect, it } from 'vitest';
import { DEFAULT_FORMAT_SETTINGS } from '../../src/value/FormatSettings.js';
import { parseDate } from '../../src/value/parseDate.js';
import { parseNumber } from '../../src/value/parseNumber.js';

const dot = { decimalSep: '.', thousandSep: ',' };
const comma = { decimalSep: ',', thousandSep: '.' };

describe('parseNumber', () => {
  it('reads plain and grouped numbers', () => {
    expect(parseNumber('42', undefined, dot)).toBe(42);
    expect(parseNumber('-3.5', undefined, dot)).toBe(-3.5);
    expect(parseNumber('1,234,567.5', '#,##0.0', dot)).toBe(1234567.5);
    expect(parseNumber('1.234,5', '#.##0,0', comma)).toBe(1234.5);
    expect(parseNumber('1e3', undefined, dot)).toBe(1000);
  });

  it('reads percentages, currency text and accounting negatives', () => {
    expect(parseNumber('12.5%', '0.0%', dot)).toBe(0.125);
    expect(parseNumber('$1,000', '$#,##0', dot)).toBe(1000);
    expect(parseNumber('(250)', '#,##0;(#,##0)', dot)).toBe(-250);
    expect(parseNumber('25 kr', '0 kr', dot)).toBe(25);
  });

  it('gives NaN for text that is no number', () => {
    expect(parseNumber('abc', undefined, dot)).toBeNaN();
    expect(parseNumber('', undefined, dot)).toBeNaN();
    expect(parseNumber('1.5', undefined, comma)).toBeNaN();
  });
});

describe('parseDate', () => {
  it('reads dates in the common formats', () => {
    expect(parseDate('2024-01-31', 'YYYY-MM-DD')).toBe(45322);
    expect(parseDate('31/01/2024', 'DD/MM/YYYY')).toBe(45322);
    expect(parseDate('1/31/2024', 'M/D/YYYY')).toBe(45322);
    expect(parseDate('01/31/2024', 'M/D/YYYY')).toBe(45322);
    expect(parseDate('20240131', 'YYYYMMDD')).toBe(45322);
    expect(parseDate('31-Jan-24', 'DD-MMM-YY')).toBe(45322);
    expect(parseDate('January 31, 2024', 'MMMM D, YYYY')).toBe(45322);
    expect(parseDate('Wed 31 jan 2024', 'WWW D MMM YYYY')).toBe(45322);
  });

  it('reads times and timestamps, with optional fractions', () => {
    expect(parseDate('12:00:00', 'hh:mm:ss')).toBe(0.5);
    expect(parseDate('6:00 PM', 'h:mm TT')).toBe(0.75);
    expect(parseDate('12:00 AM', 'h:mm TT')).toBe(0);
    expect(parseDate('2024-01-31 18:00:00', 'YYYY-MM-DD hh:mm:ss[.fff]')).toBe(45322.75);
    expect(parseDate('2024-01-31 18:00:00.5', 'YYYY-MM-DD hh:mm:ss[.fff]')).toBeCloseTo(
      45322.75 + 0.5 / 86400,
      10,
    );
  });

  it('reads two-digit years into 1930-2029', () => {
    expect(parseDate('01/02/29', 'DD/MM/YY')).toBe(parseDate('01/02/2029', 'DD/MM/YYYY'));
    expect(parseDate('01/02/30', 'DD/MM/YY')).toBe(parseDate('01/02/1930', 'DD/MM/YYYY'));
  });

  it('gives NaN for impossible dates and text that does not fit', () => {
    expect(parseDate('2023-02-29', 'YYYY-MM-DD')).toBeNaN();
    expect(parseDate('2024-13-01', 'YYYY-MM-DD')).toBeNaN();
    expect(parseDate('25:00:00', 'hh:mm:ss')).toBeNaN();
    expect(parseDate('2024/01/31', 'YYYY-MM-DD')).toBeNaN();
    expect(parseDate('2024-01-31 junk', 'YYYY-MM-DD')).toBeNaN();
    expect(parseDate('', 'YYYY-MM-DD', DEFAULT_FORMAT_SETTINGS)).toBeNaN();
  });
});
