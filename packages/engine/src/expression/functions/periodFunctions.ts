import { monthStart, quarterStart, yearStart } from '../../value/calendarPeriods.js';
import { dayOf, partsFromSerial } from '../../value/dateSerial.js';
import { formatDate } from '../../value/formatDate.js';
import type { FormatSettings } from '../../value/FormatSettings.js';
import { toDateSerial } from '../../value/toDateSerial.js';
import { fromBoolean } from '../../value/truth.js';
import { Dual, type Value } from '../../value/Value.js';
import { startOfWeek, weekOf } from '../../value/weekNumber.js';
import { fn, type FunctionSpec, type FunctionTable } from '../FunctionSpec.js';
import { optionalNumber } from './argumentReaders.js';

/** Where a period starts and ends (exclusive), for the serial it contains. */
type PeriodOf = (
  serial: number,
  shift: number,
  args: readonly Value[],
  settings: FormatSettings,
) => { start: number; end: number };

const dayPeriod: PeriodOf = (s, shift) => ({ start: dayOf(s) + shift, end: dayOf(s) + shift + 1 });
const weekPeriod: PeriodOf = (s, shift, _args, settings) => {
  const start = startOfWeek(s, settings.firstWeekDay) + 7 * shift;
  return { start, end: start + 7 };
};
const monthPeriod: PeriodOf = (s, shift) => ({
  start: monthStart(s, shift),
  end: monthStart(s, shift + 1),
});
const quarterPeriod: PeriodOf = (s, shift, args, settings) => {
  const first = optionalNumber(args, 3, settings.firstMonthOfYear);
  return { start: quarterStart(s, shift, first), end: quarterStart(s, shift + 1, first) };
};
const yearPeriod: PeriodOf = (s, shift, args, settings) => {
  const first = optionalNumber(args, 3, settings.firstMonthOfYear);
  return { start: yearStart(s, shift, first), end: yearStart(s, shift + 1, first) };
};

/**
 * InDay/InWeek/InMonth/InQuarter/InYear(date, base, shift): whether a date
 * lies in the period of `base` moved by `shift` periods.
 */
function inPeriod(period: PeriodOf): FunctionSpec {
  return fn(3, 4, (args, ctx) => {
    const date = toDateSerial(args[0], ctx.format);
    const base = toDateSerial(args[1], ctx.format);
    if (Number.isNaN(date) || Number.isNaN(base)) return null;
    const { start, end } = period(base, optionalNumber(args, 2, 0), args, ctx.format);
    return fromBoolean(date >= start && date < end);
  });
}

/** A dual of a period's display name and the serial of its first day. */
function periodName(
  name: (start: number, serial: number, args: readonly Value[], settings: FormatSettings) => string,
  period: PeriodOf,
): FunctionSpec {
  return fn(1, 3, (args, ctx) => {
    const serial = toDateSerial(args[0], ctx.format);
    if (Number.isNaN(serial)) return null;
    const { start } = period(serial, optionalNumber(args, 1, 0), args, ctx.format);
    return new Dual(name(start, serial, args, ctx.format), start);
  });
}

function quarterName(
  start: number,
  _serial: number,
  _args: readonly Value[],
  settings: FormatSettings,
): string {
  const p = partsFromSerial(start);
  const last = ((p.month + 1) % 12) + 1;
  return `${settings.monthNames[p.month - 1]}-${settings.monthNames[last - 1]} ${p.year}`;
}

function yearName(start: number): string {
  const p = partsFromSerial(start);
  return p.month === 1 ? String(p.year) : `${p.year}-${p.year + 1}`;
}

function weekName(
  start: number,
  _serial: number,
  _args: readonly Value[],
  settings: FormatSettings,
): string {
  const { week, year } = weekOf(start, settings);
  return `${year}/${String(week).padStart(2, '0')}`;
}

/** Month lengths of a 366-day year: Qlik numbers days as if every year were a leap year. */
const LEAP_MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Day number of a date within its year or quarter (`periodMonths` 12 or 3), counted on a 366-day year. */
function dayNumberIn(
  args: readonly Value[],
  settings: FormatSettings,
  periodMonths: number,
): Value {
  const serial = toDateSerial(args[0], settings);
  if (Number.isNaN(serial)) return null;
  const firstMonth = optionalNumber(args, 1, 1);
  const { month, day } = partsFromSerial(serial);
  const monthsIntoPeriod = ((month - firstMonth + 12) % 12) % periodMonths;
  let days = day;
  for (let i = 1; i <= monthsIntoPeriod; i++) days += LEAP_MONTH_DAYS[(month - 1 - i + 12) % 12];
  return days;
}

/** Period tests and names: InMonth, InYear, ..., DayName, WeekName, MonthName, QuarterName, YearName. */
export const PERIOD_FUNCTIONS: FunctionTable = {
  INDAY: inPeriod(dayPeriod),
  INWEEK: inPeriod(weekPeriod),
  INMONTH: inPeriod(monthPeriod),
  INQUARTER: inPeriod(quarterPeriod),
  INYEAR: inPeriod(yearPeriod),
  DAYNAME: periodName(
    (start, _s, _a, settings) => formatDate(start, settings.dateFormat, settings),
    dayPeriod,
  ),
  WEEKNAME: periodName(weekName, weekPeriod),
  MONTHNAME: periodName(
    (start, _s, _a, settings) => formatDate(start, 'MMM YYYY', settings),
    monthPeriod,
  ),
  QUARTERNAME: periodName(quarterName, (s, shift, args, settings) =>
    quarterPeriod(s, shift, [args[0], args[1], null, args[2] ?? null], settings),
  ),
  YEARNAME: periodName(yearName, (s, shift, args, settings) =>
    yearPeriod(s, shift, [args[0], args[1], null, args[2] ?? null], settings),
  ),
  DAYNUMBEROFYEAR: fn(1, 2, (args, ctx) => dayNumberIn(args, ctx.format, 12)),
  DAYNUMBEROFQUARTER: fn(1, 2, (args, ctx) => dayNumberIn(args, ctx.format, 3)),
};
