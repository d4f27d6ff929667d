import { describe, expect, it } from 'vitest';
import { DEFAULT_FORMAT_SETTINGS, type FormatSettings } from '../../src/value/FormatSettings.js';
import { Dual } from '../../src/value/Value.js';
import { run, text } from './evaluateSource.js';

const european: FormatSettings = {
  ...DEFAULT_FORMAT_SETTINGS,
  decimalSep: ',',
  thousandSep: '.',
  dateFormat: 'DD.MM.YYYY',
};

describe('Num and Num#', () => {
  it('Num formats the number and keeps it', () => {
    expect(run("Num(35648.375, '0.0', '.')")).toEqual(new Dual('35648.4', 35648.375));
    expect(text("Num(35648.375, '#,##0.##', '.', ',')")).toBe('35,648.38');
    expect(text("Num(35648.375, '# ##0,00', ',', ' ')")).toBe('35 648,38');
    expect(text("Num(0.1234, '0.0%')")).toBe('12.3%');
    expect(text("Num(1234.5, '#,##0')")).toBe('1,235');
    expect(text("Num(-1234, '#,##0;(#,##0)')")).toBe('(1,234)');
    expect(run("Num('abc', '0')")).toBeNull();
  });

  it('Num uses the script separators by default', () => {
    expect(text("Num(1234.5, '#.##0,00')", {}, european)).toBe('1.234,50');
    expect(text('Num(2.5)', {}, european)).toBe('2,5');
  });

  it('Num# reads text with a format and keeps the text', () => {
    expect(run("Num#('35,648.375', '#,##0.###', '.', ',')")).toEqual(
      new Dual('35,648.375', 35648.375),
    );
    expect(run("Num#('1.000,5', '#.##0,0', ',', '.')")).toEqual(new Dual('1.000,5', 1000.5));
    expect(run("Num#('$1,234.50', '$#,##0.00')")).toEqual(new Dual('$1,234.50', 1234.5));
    expect(run("Num#('12%', '0%')")).toEqual(new Dual('12%', 0.12));
    expect(run("Num#('(50)', '#,##0;(#,##0)')")).toEqual(new Dual('(50)', -50));
    expect(run("Num#('abc')")).toBeNull();
    expect(run("Num#(' 42 ')")).toEqual(new Dual(' 42 ', 42));
  });

  it('Money uses the money format and separators', () => {
    expect(text('Money(1234.5)')).toBe('$1,234.50');
    expect(text('Money(-1234.5)')).toBe('-$1,234.50');
    expect(text("Money(3, '0.00 kr')")).toBe('3.00 kr');
    expect(run("Money#('$1,234.50')")).toEqual(new Dual('$1,234.50', 1234.5));
  });
});

describe('Dual and Text', () => {
  it('Dual pairs a text and a number', () => {
    expect(run("Dual('Q1', 1)")).toEqual(new Dual('Q1', 1));
    expect(run("Dual('x', 'y')")).toBe('x');
    expect(text("Dual('Q1', 1) & '!'")).toBe('Q1!');
    expect(run("Dual('Q1', 1) + 1")).toBe(2);
  });
});

describe('date and time conversion', () => {
  it('Date keeps the number and writes it with the DateFormat or a given format', () => {
    expect(run('Date(45322)')).toEqual(new Dual('2024-01-31', 45322));
    expect(text("Date(45322, 'DD/MM/YYYY')")).toBe('31/01/2024');
    expect(text("Date(45322, 'M/D/YYYY')")).toBe('1/31/2024');
    expect(text("Date(45322, 'MMM')")).toBe('Jan');
    expect(text("Date(45322, 'WWWW D MMMM YY')")).toBe('Wednesday 31 January 24');
    expect(run('Date(45322.75)')).toEqual(new Dual('2024-01-31', 45322.75));
    expect(text('Date(45322)', {}, european)).toBe('31.01.2024');
    expect(run("Date('abc')")).toBeNull();
  });

  it('Date# reads dates with a format', () => {
    expect(run("Date#('2020-11-12', 'YYYY-MM-DD')")).toEqual(new Dual('2020-11-12', 44147));
    expect(run("Date#('12/11/2020', 'DD/MM/YYYY')")).toEqual(new Dual('12/11/2020', 44147));
    expect(run("Date#('2020-11-12')")).toEqual(new Dual('2020-11-12', 44147));
    expect(run("Date#('2020-02-30', 'YYYY-MM-DD')")).toBeNull();
    expect(run("Date#('Nov 12 2020', 'MMM DD YYYY')")).toEqual(new Dual('Nov 12 2020', 44147));
  });

  it('Time, Timestamp and their # forms', () => {
    expect(text('Time(0.5)')).toBe('12:00:00');
    expect(text("Time(0.75, 'h:mm TT')")).toBe('6:00 PM');
    expect(text('Timestamp(45322.5)')).toBe('2024-01-31 12:00:00');
    expect(text("Timestamp(45322.5, 'DD/MM/YYYY hh:mm:ss.fff')")).toBe('31/01/2024 12:00:00.000');
    expect(run("Time#('18:00:00')")).toEqual(new Dual('18:00:00', 0.75));
    expect(run("Time#('6:30 PM', 'h:mm TT')")).toEqual(new Dual('6:30 PM', 18.5 / 24));
    expect(run("Timestamp#('2024-01-31 12:00:00')")).toEqual(
      new Dual('2024-01-31 12:00:00', 45322.5),
    );
    expect(run("Timestamp#('2024-01-31 12:00:00.500')")).toEqual(
      new Dual('2024-01-31 12:00:00.500', 45322.5 + 0.5 / 86400),
    );
  });

  it('Interval writes durations without wrapping the largest unit', () => {
    expect(text("Interval(1.25, 'hh:mm')")).toBe('30:00');
    expect(text("Interval(1.25, 'D hh:mm')")).toBe('1 06:00');
    expect(text('Interval(0.375)')).toBe('09:00:00');
    expect(text("Interval(-0.5, 'hh:mm')")).toBe('-12:00');
  });
});
