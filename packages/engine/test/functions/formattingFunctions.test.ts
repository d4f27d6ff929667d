import { describe, expect, test } from 'vitest';
import { DEFAULT_FORMAT_SETTINGS, type FormatSettings } from '../../src/value/FormatSettings.js';
import { toText } from '../../src/value/toText.js';
import { Dual } from '../../src/value/Value.js';
import { run } from '../expression/evaluateSource.js';

// Examples and stated results of the formatting and interpretation function
// pages of help.qlik.com (their A = 35648.375, 6 August 1997 09:00).

const settings: FormatSettings = {
  ...DEFAULT_FORMAT_SETTINGS,
  dateFormat: 'YY-MM-DD',
  timeFormat: 'hh:mm:ss',
  timestampFormat: 'YYYY-MM-DD hh:mm:ss',
  moneyFormat: '$#,##0.00;($#,##0.00)',
};
const shown = (source: string) => toText(run(source, { A: 35648.375 }, settings));

describe('formatting functions', () => {
  test.each([
    ["Num(A, '0.0', '.')", '35648.4'],
    ["Num(A, '#,##0.##', '.', ',')", '35,648.38'],
    ["Num(Pi(), '0,00')", '003'],
    ["Num(0.1234, '0.00%')", '12.34%'],
    ["Num(-1234.5, '#,##0;(#,##0)')", '(1,235)'],
    ["Num(1234567, '0.00E+0')", '1.23E+6'],
    ["Num(0.000123, '0.0E+00')", '1.2E-04'],
    ['Date(A)', '97-08-06'],
    ["Date(A, 'DD.MM.YYYY')", '06.08.1997'],
    ["Date(A, 'DD.MM.YY')", '06.08.97'],
    ["Date(A, 'WWW DD MMMM YYYY')", 'Wed 06 August 1997'],
    ['Time(0.375)', '09:00:00'],
    ["Time(0.375, 'hh-mm')", '09-00'],
    ['Timestamp(A)', '1997-08-06 09:00:00'],
    ['Interval(0.375)', '09:00:00'],
    ["Interval(1.375, 'D hh:mm')", '1 09:00'],
    ["Interval(1.375, 'hh:mm')", '33:00'],
    ['Money(A)', '$35,648.38'],
    ['Money(-1234.5)', '($1,234.50)'],
  ])('%s shows %s', (source, text) => {
    expect(shown(source)).toBe(text);
  });

  test('they keep the number: the result is a dual', () => {
    expect(run("Num(A, '0.0', '.')", { A: 35648.375 }, settings)).toEqual(
      new Dual('35648.4', 35648.375),
    );
    expect(run("Dual('A', 3) + 1")).toBe(4);
    expect(run('Text(12)')).toBe('12');
  });

  test("an interval has no AM/PM: under TimeFormat 'h:mm:ss TT' Interval(0.375) is 9:00:00", () => {
    const twelveHour = { ...settings, timeFormat: 'h:mm:ss TT' };
    expect(toText(run('Interval(0.375)', {}, twelveHour))).toBe('9:00:00');
    expect(toText(run('Time(0.375)', {}, twelveHour))).toBe('9:00:00 AM');
  });
});

describe('interpretation functions', () => {
  test('Num# reads grouped numbers, a space counting as a thousands separator', () => {
    expect(run("Num#('35,648.31', '#', '.', ',')")).toEqual(new Dual('35,648.31', 35648.31));
    expect(run("Num#('35 648.312', '#', '.', ',')")).toEqual(new Dual('35 648.312', 35648.312));
    expect(run("Num#('35.648,3123', '#', '.', ',')")).toBeNull();
    expect(run("Num#('35 648,31234', '#', '.', ',')")).toBeNull();
    expect(run("Num#('12%', '0%')")).toEqual(new Dual('12%', 0.12));
  });

  test('Money#, Date#, Time#, Timestamp# and Interval# keep the text and read the number', () => {
    expect(run("Money#('$1,234.50', '$#,##0.00')")).toEqual(new Dual('$1,234.50', 1234.5));
    // The Money# page's examples.
    expect(run("Money#('35 648,37 kr', '# ##0,00 kr', ',', ' ')")).toEqual(
      new Dual('35 648,37 kr', 35648.37),
    );
    expect(run("Money#('$35,648.37', ' $#', '.', ',')")).toEqual(new Dual('$35,648.37', 35648.37));
    expect(run("Date#('12/31/1997', 'MM/DD/YYYY')")).toEqual(new Dual('12/31/1997', 35795));
    expect(run("Time#('09:00', 'hh:mm')")).toEqual(new Dual('09:00', 0.375));
    expect(run("Timestamp#('1997-08-06 09:00', 'YYYY-MM-DD hh:mm')")).toEqual(
      new Dual('1997-08-06 09:00', 35648.375),
    );
    expect(run("Interval#('09:00:00', 'hh:mm:ss')")).toEqual(new Dual('09:00:00', 0.375));
    expect(run("Interval#('1 09:00', 'D hh:mm')")).toEqual(new Dual('1 09:00', 1.375));
    expect(run("Date#('31/12/1997', 'MM/DD/YYYY')")).toBeNull();
  });

  test('Text# reads anything as text', () => {
    expect(run("Text#('12')")).toBe('12');
  });
});
