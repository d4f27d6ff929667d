import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/value/formatNumber.js';
import { DEFAULT_FORMAT_SETTINGS } from '../../src/value/FormatSettings.js';

const comma = { decimalSep: ',', thousandSep: '.' };

describe('formatNumber with number formats', () => {
  it('groups thousands and fixes decimals', () => {
    expect(formatNumber(1234567.891, '#,##0.00')).toBe('1,234,567.89');
    expect(formatNumber(1234.5, '#,##0')).toBe('1,235');
    expect(formatNumber(999, '#,##0')).toBe('999');
    expect(formatNumber(0, '#,##0.00')).toBe('0.00');
    expect(formatNumber(1.005, '0.00')).toBe('1.01');
  });

  it('rounds to integers with 0 and pads with leading zeros', () => {
    expect(formatNumber(2.5, '0')).toBe('3');
    expect(formatNumber(7, '000')).toBe('007');
  });

  it('keeps optional decimals only when they are not zero', () => {
    expect(formatNumber(3.1, '0.0##')).toBe('3.1');
    expect(formatNumber(3.14159, '0.0##')).toBe('3.142');
    expect(formatNumber(0.5, '#.##')).toBe('.5');
  });

  it('writes percentages', () => {
    expect(formatNumber(0.1234, '0.0%')).toBe('12.3%');
    expect(formatNumber(0.5, '0%')).toBe('50%');
  });

  it('writes negatives with a minus, a negative section or accounting parentheses', () => {
    expect(formatNumber(-1234.5, '#,##0.00')).toBe('-1,234.50');
    expect(formatNumber(-1234, '(#,##0)')).toBe('(1,234)');
    expect(formatNumber(-1234, '#,##0;(#,##0)')).toBe('(1,234)');
    expect(formatNumber(1234, '#,##0;(#,##0)')).toBe('1,234');
    expect(formatNumber(-0.001, '0.00')).toBe('0.00');
  });

  it('keeps literal text around the number', () => {
    expect(formatNumber(1234.5, '$#,##0.00;-$#,##0.00')).toBe('$1,234.50');
    expect(formatNumber(-1234.5, '$#,##0.00;-$#,##0.00')).toBe('-$1,234.50');
    expect(formatNumber(12, '0 kg')).toBe('12 kg');
  });

  it('reads the format with the given separators', () => {
    expect(formatNumber(1234567.891, '#.##0,00', DEFAULT_FORMAT_SETTINGS, comma)).toBe(
      '1.234.567,89',
    );
    expect(
      formatNumber(1234.5, '# ##0,0', DEFAULT_FORMAT_SETTINGS, {
        decimalSep: ',',
        thousandSep: ' ',
      }),
    ).toBe('1 234,5');
  });

  it('writes NaN as Qlik shows a missing number', () => {
    expect(formatNumber(NaN, '0.00')).toBe('-');
  });
});

describe('formatNumber with date and time formats', () => {
  const serial = 45322.5 + 15 / 1440 + 30 / 86400; // 2024-01-31 12:15:30

  it('writes dates', () => {
    expect(formatNumber(serial, 'YYYY-MM-DD')).toBe('2024-01-31');
    expect(formatNumber(serial, 'DD/MM/YYYY')).toBe('31/01/2024');
    expect(formatNumber(serial, 'M/D/YYYY')).toBe('1/31/2024');
    expect(formatNumber(45300, 'M/D/YY')).toBe('1/9/24');
    expect(formatNumber(serial, 'MMM')).toBe('Jan');
    expect(formatNumber(serial, 'MMMM')).toBe('January');
    expect(formatNumber(serial, 'WWW')).toBe('Wed');
    expect(formatNumber(serial, 'WWWW')).toBe('Wednesday');
  });

  it('writes times and timestamps, leaving out optional parts', () => {
    expect(formatNumber(serial, 'DD/MM/YYYY hh:mm:ss')).toBe('31/01/2024 12:15:30');
    expect(formatNumber(serial, 'YYYY-MM-DD hh:mm:ss[.fff]')).toBe('2024-01-31 12:15:30');
    expect(formatNumber(serial, 'h:mm TT')).toBe('12:15 PM');
    expect(formatNumber(0.25, 'h:mm TT')).toBe('6:00 AM');
    expect(formatNumber(0, 'hh:mm')).toBe('00:00');
    expect(formatNumber(45322 + 0.1234 / 86400, 'ss.fff')).toBe('00.123');
  });

  it('uses the month and day names of the settings', () => {
    const swedish = {
      ...DEFAULT_FORMAT_SETTINGS,
      monthNames: [
        'jan',
        'feb',
        'mar',
        'apr',
        'maj',
        'jun',
        'jul',
        'aug',
        'sep',
        'okt',
        'nov',
        'dec',
      ],
    };
    expect(formatNumber(45420, 'D MMM YYYY', swedish)).toBe('8 maj 2024');
  });

  it('knows serial 1 is 1899-12-31 and 2 is 1900-01-01', () => {
    expect(formatNumber(1, 'YYYY-MM-DD')).toBe('1899-12-31');
    expect(formatNumber(2, 'YYYY-MM-DD')).toBe('1900-01-01');
    expect(formatNumber(-1, 'YYYY-MM-DD')).toBe('1899-12-29');
  });
});
