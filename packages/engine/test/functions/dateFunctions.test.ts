import { describe, expect, test } from 'vitest';
import { toText } from '../../src/value/toText.js';
import { Dual, type Value } from '../../src/value/Value.js';
import { run } from '../expression/evaluateSource.js';
import { DAY_FIRST_SETTINGS, HELP_PAGE_SETTINGS } from './qlikDefaults.js';

// Examples and stated results of the date and time function pages of
// help.qlik.com, written MM/DD/YYYY as those pages are.

/** Evaluates under the help pages' settings. */
const qlik = (source: string): Value => run(source, {}, HELP_PAGE_SETTINGS);
/** The text a result shows. */
const shown = (source: string): string => toText(qlik(source));
/** The number behind a result. */
const numberOf = (source: string): number => {
  const value = qlik(source);
  return value instanceof Dual ? value.num : (value as number);
};
const TRUE = -1;
const FALSE = 0;

describe('reading dates and times given as text', () => {
  test('a 24-hour time reads under a 12-hour TimeFormat (Hour, Minute, Second pages)', () => {
    expect(qlik("Hour('09:14:36')")).toBe(9);
    expect(qlik("Minute('09:14:36')")).toBe(14);
    expect(qlik("Second('09:14:36')")).toBe(36);
    expect(qlik("Hour('0.5555')")).toBe(13);
    expect(qlik("Minute('0.5555')")).toBe(19);
    expect(qlik("Second('0.5555')")).toBe(55);
  });

  test('a timestamp or time written without its seconds reads too', () => {
    expect(qlik("Hour('01/13/2006 14:05')")).toBe(14);
    expect(qlik("InDay('01/12/2006 12:23:00', '01/13/2006 00:00', 0)")).toBe(FALSE);
    expect(qlik("Minute('9:14 PM')")).toBe(14);
  });

  test('Year, Month, Day and WeekDay', () => {
    expect(qlik("Year('2012-10-12')")).toBe(2012);
    expect(qlik("Month('2012-10-12')")).toEqual(new Dual('Oct', 10));
    expect(shown('Month(35648)')).toBe('Aug');
    expect(qlik("Day('1971-10-12')")).toBe(12);
    expect(qlik("WeekDay('10/12/1971')")).toEqual(new Dual('Tue', 1));
    expect(qlik("WeekDay('10/12/1971', 6)")).toEqual(new Dual('Tue', 2));
  });
});

describe('DayStart, DayEnd, DayName (timestamps, with a day_start offset)', () => {
  test.each([
    ["DayStart('01/25/2013 16:45:00')", '01/25/2013 12:00:00 AM'],
    ["DayStart('01/25/2013 16:45:00', -1)", '01/24/2013 12:00:00 AM'],
    ["DayStart('01/25/2013 16:45:00', 0, 0.5)", '01/25/2013 12:00:00 PM'],
    ["DayEnd('01/25/2013 16:45:00')", '01/25/2013 11:59:59 PM'],
    ["DayEnd('01/25/2013 16:45:00', -1)", '01/24/2013 11:59:59 PM'],
    ["DayEnd('01/25/2013 16:45:00', 0, 0.5)", '01/26/2013 11:59:59 AM'],
    ["DayName('01/25/2013 16:45:00')", '01/25/2013'],
    ["DayName('01/25/2013 16:45:00', -1)", '01/24/2013'],
    ["DayName('01/25/2013 16:45:00', 0, 0.5)", '01/25/2013'],
  ])('%s shows %s', (source, text) => {
    expect(shown(source)).toBe(text);
  });

  test('DayName with a day start has the period start as its number', () => {
    expect(numberOf("DayName('01/25/2013 16:45:00', 0, 0.5)")).toBe(41299.5);
  });
});

describe('weeks and lunar weeks', () => {
  test.each([
    ["WeekStart('01/12/2013')", '01/07/2013'],
    ["WeekStart('01/12/2013', -1)", '12/31/2012'],
    ["WeekStart('01/12/2013', 0, 1)", '01/08/2013'],
    ["WeekEnd('01/12/2013')", '01/13/2013'],
    ["WeekEnd('01/12/2013', -1)", '01/06/2013'],
    ["WeekEnd('01/12/2013', 0, 1)", '01/14/2013'],
    ["WeekName('01/12/2013')", '2013/02'],
    ["WeekName('01/12/2013', -1)", '2013/01'],
    ["WeekName('01/12/2013', 0, 1)", '2013/02'],
    ["LunarWeekStart('01/12/2013')", '01/08/2013'],
    ["LunarWeekStart('01/12/2013', -1)", '01/01/2013'],
    ["LunarWeekStart('01/12/2013', 0, 1)", '01/09/2013'],
    ["LunarWeekEnd('01/12/2013')", '01/14/2013'],
    ["LunarWeekEnd('01/12/2013', -1)", '01/07/2013'],
    ["LunarWeekEnd('01/12/2013', 0, 1)", '01/15/2013'],
    ["LunarWeekName('01/12/2013')", '2013/02'],
    ["LunarWeekName('01/12/2013', -1)", '2013/01'],
    ["LunarWeekName('01/12/2013', 0, 1)", '2013/02'],
  ])('%s shows %s', (source, text) => {
    expect(shown(source)).toBe(text);
  });

  test('WeekEnd and LunarWeekEnd are the last millisecond of the week', () => {
    // 41287 is Sunday 01/13/2013.
    expect(numberOf("WeekEnd('01/12/2013')")).toBeCloseTo(41288 - 1 / 86_400_000, 9);
    expect(numberOf("LunarWeekEnd('01/12/2013')")).toBeCloseTo(41289 - 1 / 86_400_000, 9);
  });

  test('the last lunar week of a year takes its remaining days', () => {
    expect(shown("LunarWeekStart('12/31/2013')")).toBe('12/24/2013');
    expect(shown("LunarWeekName('12/31/2013')")).toBe('2013/52');
    expect(shown("LunarWeekStart('01/03/2014', -1)")).toBe('12/24/2013');
  });

  test.each([
    ["InWeek('01/12/2006', '01/14/2006', 0)", TRUE],
    ["InWeek('01/12/2006', '01/20/2006', 0)", FALSE],
    ["InWeek('01/12/2006', '01/14/2006', -1)", FALSE],
    ["InWeek('01/07/2006', '01/14/2006', -1)", TRUE],
    ["InWeek('01/12/2006', '01/09/2006', 0, 3)", FALSE],
    ["InWeekToDate('01/12/2006', '01/12/2006', 0)", TRUE],
    ["InWeekToDate('01/12/2006', '01/11/2006', 0)", FALSE],
    ["InWeekToDate('01/11/2006', '01/18/2006', -1)", TRUE],
    ["InWeekToDate('01/12/2006', '01/18/2006', -1)", FALSE],
    ["InLunarWeek('01/12/2013', '01/14/2013', 0)", TRUE],
    ["InLunarWeek('01/12/2013', '01/07/2013', 0)", FALSE],
    ["InLunarWeek('01/12/2013', '01/14/2013', -1)", FALSE],
    ["InLunarWeek('01/07/2013', '01/14/2013', -1)", TRUE],
    ["InLunarWeek('01/11/2013', '01/08/2013', 0, 3)", FALSE],
    ["InLunarWeekToDate('01/12/2013', '01/13/2013', 0)", TRUE],
    ["InLunarWeekToDate('01/12/2013', '01/11/2013', 0)", FALSE],
    ["InLunarWeekToDate('01/12/2006', '01/05/2006', 1)", TRUE],
  ])('%s is %i', (source, result) => {
    expect(qlik(source)).toBe(result);
  });
});

describe('months, n-month periods, quarters and years', () => {
  test.each([
    ["MonthStart('10/19/2001')", '10/01/2001'],
    ["MonthStart('10/19/2001', -1)", '09/01/2001'],
    ["MonthEnd('02/19/2012')", '02/29/2012'],
    ["MonthEnd('02/19/2001', -1)", '01/31/2001'],
    ["MonthName('10/19/2013')", 'Oct 2013'],
    ["MonthName('10/19/2013', -1)", 'Sep 2013'],
    ["MonthsStart(4, '10/19/2013')", '09/01/2013'],
    ["MonthsStart(4, '10/19/2013', -1)", '05/01/2013'],
    ["MonthsStart(4, '10/19/2013', 0, 2)", '10/01/2013'],
    ["MonthsEnd(4, '07/19/2013')", '08/31/2013'],
    ["MonthsEnd(4, '10/19/2013', -1)", '08/31/2013'],
    ["MonthsEnd(4, '10/19/2013', 0, 2)", '01/31/2014'],
    ["MonthsName(4, '10/19/2013')", 'Sep-Dec 2013'],
    ["MonthsName(4, '10/19/2013', -1)", 'May-Aug 2013'],
    ["QuarterStart('10/29/2005')", '10/01/2005'],
    ["QuarterStart('10/29/2005', -1)", '07/01/2005'],
    ["QuarterStart('10/29/2005', 0, 3)", '09/01/2005'],
    ["QuarterEnd('10/29/2005')", '12/31/2005'],
    ["QuarterEnd('10/29/2005', -1)", '09/30/2005'],
    ["QuarterEnd('10/29/2005', 0, 3)", '11/30/2005'],
    ["QuarterName('10/29/2013')", 'Oct-Dec 2013'],
    ["QuarterName('10/29/2013', -1)", 'Jul-Sep 2013'],
    ["QuarterName('10/29/2013', 0, 3)", 'Sep-Nov 2013'],
    ["YearStart('10/19/2001')", '01/01/2001'],
    ["YearStart('10/19/2001', -1)", '01/01/2000'],
    ["YearStart('10/19/2001', 0, 4)", '04/01/2001'],
    ["YearEnd('10/19/2001')", '12/31/2001'],
    ["YearEnd('10/19/2001', -1)", '12/31/2000'],
    ["YearEnd('10/19/2001', 0, 4)", '03/31/2002'],
    ["YearName('10/19/2001')", '2001'],
    ["YearName('10/19/2001', -1)", '2000'],
    ["YearName('10/19/2001', 0, 4)", '2001-2002'],
  ])('%s shows %s', (source, text) => {
    expect(shown(source)).toBe(text);
  });

  test('an n-month period that crosses New Year is named with the year it ends in', () => {
    expect(shown("MonthsName(4, '10/19/2013', 0, 2)")).toBe('Oct-Jan 2014');
  });

  test('MonthsStart and MonthsName take only periods of 1, 2, 3, 4 or 6 months', () => {
    expect(qlik("MonthsStart(5, '10/19/2013')")).toBeNull();
    expect(shown("MonthsName(6, '10/19/2013')")).toBe('Jul-Dec 2013');
  });

  test.each([
    ["InMonth('03/25/2013', '03/01/2013', 0)", TRUE],
    ["InMonth('03/25/2013', '04/01/2013', 0)", FALSE],
    ["InMonth('03/25/2013', '02/01/2013', 1)", TRUE],
    ["InMonthToDate('01/25/2013', '01/25/2013', 0)", TRUE],
    ["InMonthToDate('01/25/2013', '01/24/2013', 0)", FALSE],
    ["InMonthToDate('01/25/2013', '02/28/2013', -1)", TRUE],
    ["InMonths(4, '01/25/2013', '04/25/2013', 0)", TRUE],
    ["InMonths(4, '01/25/2013', '05/01/2013', 0)", FALSE],
    ["InMonths(4, '01/25/2013', '12/25/2012', 1)", TRUE],
    ["InMonthsToDate(4, '01/25/2013', '04/25/2013', 0)", TRUE],
    ["InMonthsToDate(4, '04/26/2013', '04/25/2006', 0)", FALSE],
    ["InQuarter('01/25/2013', '01/01/2013', 0)", TRUE],
    ["InQuarter('01/25/2013', '04/01/2013', 0)", FALSE],
    ["InQuarter('01/25/2013', '01/01/2013', -1)", FALSE],
    ["InQuarter('12/25/2012', '01/01/2013', -1)", TRUE],
    ["InQuarter('01/25/2013', '03/01/2013', 0, 3)", FALSE],
    ["InQuarter('03/25/2013', '03/01/2013', 0, 3)", TRUE],
    ["InQuarterToDate('01/25/2013', '03/25/2013', 0)", TRUE],
    ["InQuarterToDate('01/25/2013', '04/25/2013', 0)", FALSE],
    ["InQuarterToDate('01/25/2012', '02/01/2013', -4)", TRUE],
    ["InYear('01/25/2013', '01/01/2013', 0)", TRUE],
    ["InYear('01/25/2012', '01/01/2013', 0)", FALSE],
    ["InYear('01/25/2013', '01/01/2013', -1)", FALSE],
    ["InYear('01/25/2012', '01/01/2013', -1)", TRUE],
    ["InYear('01/25/2013', '07/01/2013', 0, 3)", FALSE],
    ["InYear('03/25/2013', '07/01/2013', 0, 3)", TRUE],
    ["InYear('03/25/2013', '07/01/2013', 0, 4)", FALSE],
    ["InYearToDate('01/25/2013', '02/01/2013', 0)", TRUE],
    ["InYearToDate('01/25/2012', '01/01/2013', 0)", FALSE],
    ["InYearToDate('01/25/2012', '02/01/2013', -1)", TRUE],
    ["InYearToDate('11/25/2012', '01/31/2013', 0, 4)", TRUE],
    ["InYearToDate('03/31/2013', '01/31/2013', 0, 4)", FALSE],
  ])('%s is %i', (source, result) => {
    expect(qlik(source)).toBe(result);
  });
});

describe('days', () => {
  test.each([
    ["InDay('01/12/2006 12:23:00', '01/12/2006 00:00:00', 0)", TRUE],
    ["InDay('01/12/2006 12:23:00', '01/13/2006 00:00:00', 0)", FALSE],
    ["InDay('01/12/2006 12:23:00', '01/12/2006 00:00:00', -1)", FALSE],
    ["InDay('01/11/2006 12:23:00', '01/12/2006 00:00:00', -1)", TRUE],
    ["InDay('01/12/2006 12:23:00', '01/12/2006 00:00:00', 0, 0.5)", FALSE],
    ["InDay('01/12/2006 11:23:00', '01/12/2006 00:00:00', 0, 0.5)", TRUE],
    ["InDayToTime('01/12/2006 12:23:00', '01/12/2006 23:59:00', 0)", TRUE],
    ["InDayToTime('01/12/2006 12:23:00', '01/12/2006 00:00:00', 0)", FALSE],
    ["InDayToTime('01/11/2006 12:23:00', '01/12/2006 23:59:00', -1)", TRUE],
  ])('%s is %i', (source, result) => {
    expect(qlik(source)).toBe(result);
  });

  test('YearToDate against a given today', () => {
    const today = "'11/18/2011'";
    expect(qlik(`YearToDate('11/18/2010', 0, 1, ${today})`)).toBe(FALSE);
    expect(qlik(`YearToDate('02/01/2011', 0, 1, ${today})`)).toBe(TRUE);
    expect(qlik(`YearToDate('11/18/2011', 0, 1, ${today})`)).toBe(TRUE);
    expect(qlik(`YearToDate('11/19/2011', 0, 1, ${today})`)).toBe(FALSE);
    expect(qlik(`YearToDate('11/19/2010', -1, 1, ${today})`)).toBe(FALSE);
    expect(qlik(`YearToDate('11/18/2010', -1, 1, ${today})`)).toBe(TRUE);
    expect(qlik(`YearToDate('04/30/2011', 0, 5, ${today})`)).toBe(FALSE);
    expect(qlik(`YearToDate('05/01/2011', 0, 5, ${today})`)).toBe(TRUE);
  });
});

describe('making and moving dates', () => {
  test.each([
    ['MakeDate(2012)', '01/01/2012'],
    ['MakeDate(12)', '01/01/2012'],
    ['MakeDate(2012, 12)', '12/01/2012'],
    ['MakeDate(2012, 2, 14)', '02/14/2012'],
    ['MakeWeekDate(2014, 6, 6)', '02/09/2014'],
    ['MakeWeekDate(2014, 6, 1)', '02/04/2014'],
    ['MakeWeekDate(2014, 6)', '02/03/2014'],
    ["AddMonths('01/29/2003', 3)", '04/29/2003'],
    ["AddMonths('01/29/2003', 3, 0)", '04/29/2003'],
    ["AddMonths('01/29/2003', 3, 1)", '04/28/2003'],
    ["AddMonths('01/29/2003', 1, 0)", '02/28/2003'],
    ["AddMonths('01/29/2003', 1, 1)", '02/26/2003'],
    ["AddMonths('02/28/2003', 1, 0)", '03/28/2003'],
    ["AddMonths('02/28/2003', 1, 1)", '03/31/2003'],
    ["AddMonths('01/29/2003', -3)", '10/29/2002'],
    ["AddYears('01/29/2010', 3)", '01/29/2013'],
    ["AddYears('01/29/2010', -1)", '01/29/2009'],
    ["FirstWorkDate('12/29/2014', 9)", '12/17/2014'],
    ["FirstWorkDate('12/29/2014', 9, '12/25/2014', '12/26/2014')", '12/15/2014'],
    ["LastWorkDate('12/29/2014', 5)", '01/02/2015'],
    ["LastWorkDate('12/29/2014', 5, '01/01/2015')", '01/05/2015'],
  ])('%s shows %s', (source, text) => {
    expect(shown(source)).toBe(text);
  });

  test('MakeTime writes the TimeFormat', () => {
    expect(shown('MakeTime(22)')).toBe('10:00:00 PM');
    expect(shown('MakeTime(22, 17)')).toBe('10:17:00 PM');
    expect(shown('MakeTime(22, 17, 52)')).toBe('10:17:52 PM');
  });

  test('NetWorkDays counts Monday to Friday, both ends included, holidays left out', () => {
    expect(qlik("NetWorkDays('12/19/2013', '01/07/2014')")).toBe(14);
    expect(qlik("NetWorkDays('12/19/2013', '01/07/2014', '12/25/2013', '12/26/2013')")).toBe(12);
  });

  test('Age, SetDateYear and SetDateYearMonth (DD/MM/YYYY pages)', () => {
    const dayFirst = (source: string) => toText(run(source, {}, DAY_FIRST_SETTINGS));
    expect(run("Age('25/01/2014', '29/10/2012')", {}, DAY_FIRST_SETTINGS)).toBe(1);
    expect(run("Age('29/10/2014', '29/10/2012')", {}, DAY_FIRST_SETTINGS)).toBe(2);
    expect(dayFirst("SetDateYear('29/10/2005', 2013)")).toBe('29/10/2013');
    expect(dayFirst("SetDateYear('29/10/2005 04:26:14', 2013)")).toBe('29/10/2013 04:26:14');
    expect(dayFirst("SetDateYearMonth('29/10/2005', 2013, 3)")).toBe('29/03/2013');
  });
});

describe('time zones', () => {
  test('ConvertToLocalTime moves a UTC time to a place or an offset', () => {
    expect(shown("ConvertToLocalTime('2007-11-10 23:59:00', 'Paris')")).toBe(
      '11/11/2007 12:59:00 AM',
    );
    expect(shown("ConvertToLocalTime('2007-11-10 23:59:00', 'GMT-01:00')")).toBe(
      '11/10/2007 10:59:00 PM',
    );
    expect(shown("ConvertToLocalTime('2007-07-10 23:59:00', 'Paris')")).toBe(
      '07/11/2007 1:59:00 AM',
    );
    expect(shown("ConvertToLocalTime('2007-07-10 23:59:00', 'Paris', 1)")).toBe(
      '07/11/2007 12:59:00 AM',
    );
  });
});
