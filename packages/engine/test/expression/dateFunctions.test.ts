import { describe, expect, it } from 'vitest';
import { DEFAULT_FORMAT_SETTINGS, type FormatSettings } from '../../src/value/FormatSettings.js';
import { Dual } from '../../src/value/Value.js';
import { num, run, text } from './evaluateSource.js';

/** US-style settings as a new Qlik Sense app sets them: weeks start on Sunday, broken at New Year. */
const us: FormatSettings = {
  ...DEFAULT_FORMAT_SETTINGS,
  dateFormat: 'M/D/YYYY',
  firstWeekDay: 6,
  brokenWeeks: true,
  referenceDay: 0,
};

describe('date parts', () => {
  it('Year, Month, Day read a date serial or a date text', () => {
    expect(run("Year('2012-10-12')")).toBe(2012);
    expect(run('Month(45322)')).toEqual(new Dual('Jan', 1));
    expect(run("Month('2012-10-12')")).toEqual(new Dual('Oct', 10));
    expect(run("Day('2012-10-12')")).toBe(12);
    expect(run('Year(n)', { n: null })).toBeNull();
    expect(run("Year('junk')")).toBeNull();
  });

  it('Hour, Minute and Second read the time part', () => {
    expect(run('Hour(0.5)')).toBe(12);
    expect(run("Hour('09:14:36')")).toBe(9);
    expect(run("Minute('09:14:36')")).toBe(14);
    expect(run("Second('09:14:36')")).toBe(36);
    expect(run("Hour('2024-01-31 17:45:00')")).toBe(17);
  });

  it('WeekDay is a dual of the day name and its number from the first week day', () => {
    expect(run("WeekDay('1971-10-12')")).toEqual(new Dual('Tue', 1));
    expect(run("WeekDay('1971-10-12', 6)")).toEqual(new Dual('Tue', 2));
  });

  it('Week follows ISO rules by default and the settings otherwise', () => {
    expect(run("Week('2012-10-12')")).toBe(41);
    expect(run("Week('2013-01-12')")).toBe(2);
    expect(run("Week('2021-01-01')")).toBe(53);
    expect(run("WeekYear('2021-01-01')")).toBe(2020);
    expect(run("Week('2014-12-29')")).toBe(1);
    expect(run("WeekYear('2014-12-29')")).toBe(2015);
    expect(run("Week('1/1/2021')", {}, us)).toBe(1);
    expect(run("Week('1/3/2021')", {}, us)).toBe(2);
  });
});

describe('making dates', () => {
  it('MakeDate and MakeTime build serials', () => {
    expect(run('MakeDate(2012)')).toEqual(new Dual('2012-01-01', 40909));
    expect(run('MakeDate(2012, 12)')).toEqual(new Dual('2012-12-01', 41244));
    expect(run('MakeDate(2012, 2, 29)')).toEqual(new Dual('2012-02-29', 40968));
    expect(text('MakeTime(22, 17)')).toBe('22:17:00');
    expect(num('MakeTime(14, 30)')).toBe(14.5 / 24);
  });

  it('Today and Now are dates near the current time', () => {
    const today = num('Today()');
    const now = num('Now()');
    expect(Number.isInteger(today)).toBe(true);
    expect(now - today).toBeGreaterThanOrEqual(0);
    expect(now - today).toBeLessThan(1);
  });
});

describe('period starts and ends', () => {
  it('MonthStart, MonthEnd and MonthName', () => {
    expect(run("MonthStart('2001-10-19')")).toEqual(new Dual('2001-10-01', 37165));
    expect(run("MonthStart('2001-10-19', -1)")).toEqual(new Dual('2001-09-01', 37135));
    const end = run("MonthEnd('2001-02-19')") as Dual;
    expect(end.text).toBe('2001-02-28');
    expect(Math.floor(end.num)).toBe(36950);
    expect(end.num).toBeGreaterThan(36950.9999);
    expect(text("MonthName('2001-10-19')")).toBe('Oct 2001');
  });

  it('YearStart, YearEnd, QuarterStart, QuarterEnd', () => {
    expect(text("YearStart('2001-10-19')")).toBe('2001-01-01');
    expect(text("YearStart('2001-10-19', -1)")).toBe('2000-01-01');
    expect(text("YearStart('2001-10-19', 0, 4)")).toBe('2001-04-01');
    expect(text("YearStart('2001-02-19', 0, 4)")).toBe('2000-04-01');
    expect(text("YearEnd('2001-10-19')")).toBe('2001-12-31');
    expect(text("QuarterStart('2005-10-29')")).toBe('2005-10-01');
    expect(text("QuarterStart('2005-10-29', -1)")).toBe('2005-07-01');
    expect(text("QuarterEnd('2005-10-29')")).toBe('2005-12-31');
  });

  it('WeekStart, WeekEnd, DayStart and DayEnd', () => {
    expect(text("WeekStart('2006-01-12')")).toBe('2006-01-09');
    expect(text("WeekStart('2006-01-12', 1)")).toBe('2006-01-16');
    expect(text("WeekStart('1/12/2006')", {}, us)).toBe('1/8/2006');
    expect(text("WeekEnd('2006-01-12')")).toBe('2006-01-15');
    expect(num("DayStart('2024-01-31 17:45:00')")).toBe(45322);
    expect(Math.floor(num("DayEnd('2024-01-31 17:45:00')"))).toBe(45322);
  });

  it('AddMonths and AddYears keep the day, clamped to the month end', () => {
    expect(text("AddMonths('2003-01-29', 3)")).toBe('2003-04-29');
    expect(text("AddMonths('2003-01-29', -3)")).toBe('2002-10-29');
    expect(text("AddMonths('2003-01-31', 1)")).toBe('2003-02-28');
    expect(text("AddYears('2010-01-29', 3)")).toBe('2013-01-29');
    expect(text("AddYears('2012-02-29', 1)")).toBe('2013-02-28');
  });

  it('Age counts full years and NetWorkDays counts Monday to Friday', () => {
    expect(run("Age('2012-10-12', '1980-11-13')")).toBe(31);
    expect(run("Age('2012-11-13', '1980-11-13')")).toBe(32);
    expect(run("NetWorkDays('2013-12-19', '2014-01-07')")).toBe(14);
    expect(run("NetWorkDays('2013-12-19', '2014-01-07', '2013-12-25', '2013-12-26')")).toBe(12);
  });
});
