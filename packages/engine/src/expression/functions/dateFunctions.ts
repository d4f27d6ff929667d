import { addMonths } from '../../value/calendarPeriods.js';
import { dayOf, partsFromSerial, serialFromParts } from '../../value/dateSerial.js';
import { formatDate } from '../../value/formatDate.js';
import type { FormatSettings } from '../../value/FormatSettings.js';
import { toDateSerial } from '../../value/toDateSerial.js';
import { toNumber } from '../../value/toNumber.js';
import { Dual, type Value } from '../../value/Value.js';
import { startOfWeek, weekOf, type WeekRules } from '../../value/weekNumber.js';
import type { EvalContext } from '../EvalContext.js';
import { fn, type FunctionEntry, functionFamily } from '../FunctionSpec.js';
import { optionalNumber } from './argumentReaders.js';

/** A date value: the serial with the DateFormat text. */
export function asDate(serial: number, settings: FormatSettings): Dual {
  return new Dual(formatDate(serial, settings.dateFormat, settings), serial);
}

/** A date or a timestamp value, by whether the serial has a time of day. */
function asDateOrTimestamp(serial: number, settings: FormatSettings): Dual {
  const format = serial === dayOf(serial) ? settings.dateFormat : settings.timestampFormat;
  return new Dual(formatDate(serial, format, settings), serial);
}

/** A function of one date (its first argument): NULL or a non-date gives NULL. */
function ofDate(
  params: string,
  compute: (serial: number, args: readonly Value[], ctx: EvalContext) => Value,
  max = 1,
  min = 1,
): FunctionEntry {
  return fn(
    min,
    max,
    (args, ctx) => {
      const serial = toDateSerial(args[0] ?? null, ctx.format);
      return Number.isNaN(serial) ? null : compute(serial, args, ctx);
    },
    params,
  );
}

function weekRules(args: readonly Value[], from: number, settings: FormatSettings): WeekRules {
  const broken = args[from + 1];
  return {
    firstWeekDay: optionalNumber(args, from, settings.firstWeekDay),
    brokenWeeks:
      broken === undefined || broken === null ? settings.brokenWeeks : toNumber(broken) !== 0,
    referenceDay: optionalNumber(args, from + 2, settings.referenceDay),
  };
}

function isWorkDay(day: number, holidays: ReadonlySet<number>): boolean {
  return partsFromSerial(day).isoWeekDay < 5 && !holidays.has(day);
}

function holidaysOf(args: readonly Value[], from: number, settings: FormatSettings): Set<number> {
  return new Set(args.slice(from).map((h) => dayOf(toDateSerial(h, settings))));
}

function workDaysBetween(from: number, to: number, holidays: ReadonlySet<number>): number {
  let count = 0;
  for (let d = from; d <= to; d++) if (isWorkDay(d, holidays)) count++;
  return count;
}

/** The day `count` work days from `day` counting it (step 1 forward, -1 backward). */
function nthWorkDay(
  day: number,
  count: number,
  step: 1 | -1,
  holidays: ReadonlySet<number>,
): number {
  let d = day;
  let found = 0;
  for (let guard = 0; guard < 1e6; guard++, d += step) {
    if (isWorkDay(d, holidays) && ++found === count) return d;
  }
  return NaN;
}

/** A year as MakeDate reads it: two digits are this century or the last (12 is 2012, 95 is 1995). */
function fullYear(year: number): number {
  if (year < 0 || year >= 100) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

/** Date and time functions: parts of dates, MakeDate, AddMonths, Age, NetWorkDays, FirstWorkDate, ... */
export const DATE_FUNCTIONS = functionFamily('DATE', {
  Year: ofDate('date', (s) => partsFromSerial(s).year),
  Month: ofDate('date', (s, _args, ctx) => {
    const month = partsFromSerial(s).month;
    return new Dual(ctx.format.monthNames[month - 1]!, month);
  }),
  Day: ofDate('date', (s) => partsFromSerial(s).day),
  WeekDay: ofDate(
    'date [, first_week_day]',
    (s, args, ctx) => {
      const iso = partsFromSerial(s).isoWeekDay;
      const first = optionalNumber(args, 1, ctx.format.firstWeekDay);
      return new Dual(ctx.format.dayNames[iso]!, (((iso - first) % 7) + 7) % 7);
    },
    2,
  ),
  Week: ofDate(
    'timestamp [, first_week_day [, broken_weeks [, reference_day]]]',
    (s, args, ctx) => weekOf(s, weekRules(args, 1, ctx.format)).week,
    4,
  ),
  WeekYear: ofDate(
    'date [, first_week_day [, broken_weeks [, reference_day]]]',
    (s, args, ctx) => weekOf(s, weekRules(args, 1, ctx.format)).year,
    4,
  ),
  Hour: ofDate('expression', (s) => partsFromSerial(s).hour),
  Minute: ofDate('expression', (s) => partsFromSerial(s).minute),
  Second: ofDate('expression', (s) => partsFromSerial(s).second),
  MakeDate: fn(
    1,
    3,
    (args, ctx) => {
      const [y, m, d] = [
        toNumber(args[0]!),
        optionalNumber(args, 1, 1),
        optionalNumber(args, 2, 1),
      ];
      if ([y, m, d].some(Number.isNaN)) return null;
      return asDate(
        serialFromParts(fullYear(Math.trunc(y)), Math.trunc(m), Math.trunc(d)),
        ctx.format,
      );
    },
    'YYYY [ , MM [ , DD ] ]',
  ),
  MakeTime: fn(
    1,
    4,
    (args, ctx) => {
      const parts = [toNumber(args[0]!), optionalNumber(args, 1, 0), optionalNumber(args, 2, 0)];
      if (parts.some(Number.isNaN)) return null;
      const [h, m, s] = parts as [number, number, number];
      const t = (h * 3600 + m * 60 + s) / 86400;
      return new Dual(formatDate(t, ctx.format.timeFormat, ctx.format), t);
    },
    'hh [ , mm [ , ss [ .fff ] ] ]',
  ),
  MakeWeekDate: fn(
    1,
    3,
    (args, ctx) => {
      const [year, week, day] = [
        toNumber(args[0]!),
        optionalNumber(args, 1, 1),
        optionalNumber(args, 2, 0),
      ];
      if ([year, week, day].some(Number.isNaN)) return null;
      const rules = ctx.format;
      // Week 1 starts on the first week day of the week holding the reference day of January.
      const reference = rules.brokenWeeks ? 1 : rules.referenceDay > 0 ? rules.referenceDay : 4;
      const week1 = startOfWeek(
        serialFromParts(Math.trunc(year), 1, reference),
        rules.firstWeekDay,
      );
      return asDate(week1 + 7 * (Math.trunc(week) - 1) + Math.trunc(day), ctx.format);
    },
    'YYYY [ , WW [ , D ] ]',
  ),
  AddMonths: ofDate(
    'startdate, n [ , mode]',
    (s, args, ctx) => {
      const n = Math.trunc(optionalNumber(args, 1, 0));
      if (Number.isNaN(n)) return null;
      return asDateOrTimestamp(addMonths(s, n, optionalNumber(args, 2, 0) === 1), ctx.format);
    },
    3,
    2,
  ),
  AddYears: ofDate(
    'startdate, n',
    (s, args, ctx) => {
      const n = Math.trunc(optionalNumber(args, 1, 0));
      return Number.isNaN(n) ? null : asDateOrTimestamp(addMonths(s, 12 * n), ctx.format);
    },
    2,
    2,
  ),
  SetDateYear: ofDate(
    'timestamp, year',
    (s, args, ctx) => {
      const p = partsFromSerial(s);
      const year = Math.trunc(toNumber(args[1]!));
      if (Number.isNaN(year)) return null;
      return asDateOrTimestamp(serialFromParts(year, p.month, p.day) + (s - dayOf(s)), ctx.format);
    },
    2,
    2,
  ),
  SetDateYearMonth: ofDate(
    'timestamp, year, month',
    (s, args, ctx) => {
      const p = partsFromSerial(s);
      const [year, month] = [Math.trunc(toNumber(args[1]!)), Math.trunc(toNumber(args[2]!))];
      if (Number.isNaN(year) || Number.isNaN(month)) return null;
      return asDateOrTimestamp(serialFromParts(year, month, p.day) + (s - dayOf(s)), ctx.format);
    },
    3,
    3,
  ),
  Age: fn(
    2,
    2,
    (args, ctx) => {
      const at = toDateSerial(args[0]!, ctx.format);
      const born = toDateSerial(args[1]!, ctx.format);
      if (Number.isNaN(at) || Number.isNaN(born)) return null;
      const a = partsFromSerial(at);
      const b = partsFromSerial(born);
      const hadBirthday = a.month > b.month || (a.month === b.month && a.day >= b.day);
      return a.year - b.year - (hadBirthday ? 0 : 1);
    },
    'timestamp, date_of_birth',
  ),
  NetWorkDays: fn(
    2,
    Infinity,
    (args, ctx) => {
      const start = toDateSerial(args[0]!, ctx.format);
      const end = toDateSerial(args[1]!, ctx.format);
      if (Number.isNaN(start) || Number.isNaN(end)) return null;
      const holidays = holidaysOf(args, 2, ctx.format);
      const [from, to] = [dayOf(start), dayOf(end)];
      return from <= to
        ? workDaysBetween(from, to, holidays)
        : -workDaysBetween(to, from, holidays);
    },
    'start_date, end_date {, holiday}',
  ),
  // The latest start date from which `no_of_workdays` work days end on end_date.
  FirstWorkDate: fn(
    2,
    Infinity,
    (args, ctx) => {
      const end = toDateSerial(args[0]!, ctx.format);
      const count = Math.trunc(toNumber(args[1]!));
      if (Number.isNaN(end) || !(count >= 1)) return null;
      const day = nthWorkDay(dayOf(end), count, -1, holidaysOf(args, 2, ctx.format));
      return Number.isNaN(day) ? null : asDate(day, ctx.format);
    },
    'end_date, no_of_workdays {, holiday}',
  ),
  // The earliest end date by which `no_of_workdays` work days from start_date are done.
  LastWorkDate: fn(
    2,
    Infinity,
    (args, ctx) => {
      const start = toDateSerial(args[0]!, ctx.format);
      const count = Math.trunc(toNumber(args[1]!));
      if (Number.isNaN(start) || !(count >= 1)) return null;
      const day = nthWorkDay(dayOf(start), count, 1, holidaysOf(args, 2, ctx.format));
      return Number.isNaN(day) ? null : asDate(day, ctx.format);
    },
    'start_date, no_of_workdays {, holiday}',
  ),
});
