import { describe, expect, it } from 'vitest';
import { Dual } from '../../src/value/Value.js';
import { num, run, text } from './evaluateSource.js';

describe('In* period tests', () => {
  it('InYear and InMonth test a date against a shifted period of a base date', () => {
    expect(run("InYear('2013-01-25', '2013-01-01', 0)")).toBe(-1);
    expect(run("InYear('2012-01-25', '2013-01-01', 0)")).toBe(0);
    expect(run("InYear('2012-01-25', '2013-01-01', -1)")).toBe(-1);
    expect(run("InYear('2013-01-25', '2013-07-01', 0, 4)")).toBe(0);
    expect(run("InMonth('2006-01-25', '2006-01-01', 0)")).toBe(-1);
    expect(run("InMonth('2006-01-25', '2006-04-01', 0)")).toBe(0);
    expect(run("InMonth('2005-12-25', '2006-01-01', -1)")).toBe(-1);
  });

  it('InQuarter, InWeek and InDay', () => {
    expect(run("InQuarter('2006-01-25', '2006-03-31', 0)")).toBe(-1);
    expect(run("InQuarter('2006-01-25', '2006-04-01', 0)")).toBe(0);
    expect(run("InWeek('2006-01-12', '2006-01-09', 0)")).toBe(-1);
    expect(run("InWeek('2006-01-12', '2006-01-16', -1)")).toBe(-1);
    expect(run("InDay('2006-01-12 12:23:00', '2006-01-12 00:00:00', 0)")).toBe(-1);
  });
});

describe('period names', () => {
  it('are duals of a display name and the first day of the period', () => {
    expect(run("DayName('2007-10-25 14:00:00')")).toEqual(new Dual('2007-10-25', 39380));
    expect(run("WeekName('2006-01-12')")).toEqual(new Dual('2006/02', 38726));
    expect(run("MonthName('2001-10-19')")).toEqual(new Dual('Oct 2001', 37165));
    expect(text("MonthName('2001-10-19', -1)")).toBe('Sep 2001');
    expect(text("QuarterName('2005-10-29')")).toBe('Oct-Dec 2005');
    expect(text("QuarterName('2005-10-29', 0, 3)")).toBe('Sep-Nov 2005');
    expect(text("YearName('2001-10-19')")).toBe('2001');
    expect(text("YearName('2001-10-19', 0, 4)")).toBe('2001-2002');
  });
});

describe('day numbers', () => {
  it('count on a 366-day year', () => {
    expect(run("DayNumberOfYear('2014-01-05')")).toBe(5);
    expect(run("DayNumberOfYear('2014-03-01')")).toBe(61);
    expect(run("DayNumberOfYear('2014-03-01', 3)")).toBe(1);
    expect(run("DayNumberOfQuarter('2014-03-01')")).toBe(61);
    expect(run("DayNumberOfQuarter('2014-05-15')")).toBe(45);
  });
});

describe('SetDateYear and SetDateYearMonth', () => {
  it('replace the year (and month), keeping the day and time', () => {
    expect(text("SetDateYear('2005-10-29', 2013)")).toBe('2013-10-29');
    expect(text("SetDateYear('2005-10-29 04:26:14', 2013)")).toBe('2013-10-29 04:26:14');
    expect(text("SetDateYearMonth('2005-10-29', 2013, 3)")).toBe('2013-03-29');
    expect(num("SetDateYearMonth('2005-10-29', 2013, 3)")).toBe(41362);
  });
});

describe('Class and LevenshteinDist', () => {
  it('Class buckets a number', () => {
    expect(run('Class(23, 10)')).toEqual(new Dual('20<=x<30', 20));
    expect(text("Class(23, 5, 'value')")).toBe('20<= value <25');
    expect(text("Class(23, 10, 'x', 5)")).toBe('15<=x<25');
    expect(run('Class(n, 10)', { n: null })).toBeNull();
  });

  it('LevenshteinDist counts single-character edits', () => {
    expect(run("LevenshteinDist('Kitten', 'sitting')")).toBe(3);
    expect(run("LevenshteinDist('abc', 'abc')")).toBe(0);
    expect(run("LevenshteinDist('', 'abc')")).toBe(3);
  });
});

describe('Interval#', () => {
  it('reads durations without bounding the largest unit', () => {
    expect(run("Interval#('09:00:00')")).toEqual(new Dual('09:00:00', 0.375));
    expect(num("Interval#('30:00', 'hh:mm')")).toBe(1.25);
    expect(num("Interval#('1 06:00', 'D hh:mm')")).toBe(1.25);
    expect(num("Interval#('-12:00', 'hh:mm')")).toBe(-0.5);
    expect(run("Interval#('abc', 'hh:mm')")).toBeNull();
  });
});

describe('system field names', () => {
  it('reads $Field as a name', () => {
    expect(run('$Field', { $Field: 'Sales' })).toBe('Sales');
  });
});
