import { addMonths, monthStart, quarterStart, yearStart } from '../../value/calendarPeriods.js';
import { dayOf, partsFromSerial, serialFromDate, serialFromParts } from '../../value/dateSerial.js';
import { formatDate } from '../../value/formatDate.js';
import type { FormatSettings } from '../../value/FormatSettings.js';
import { toDateSerial } from '../../value/toDateSerial.js';
import { toNumber } from '../../value/toNumber.js';
import { Dual, type Value } from '../../value/Value.js';
import { startOfWeek, weekOf, type WeekRules } from '../../value/weekNumber.js';
import type { EvalContext } from '../EvalContext.js';
import { fn, type FunctionSpec, type FunctionTable } from '../FunctionSpec.js';
import { optionalNumber } from './argumentReaders.js';

/** One millisecond as a fraction of a day: period ends are the last millisecond of the period. */
const ONE_MS = 1 / 86_400_000;

function asDate(serial: number, settings: FormatSettings): Dual {
  return new Dual(formatDate(serial, settings.dateFormat, settings), serial);
}

/** A function of one date: NULL or a non-date gives NULL. */
function ofDate(
  compute: (serial: number, args: readonly Value[], ctx: EvalContext) => Value,
  max = 1,
  min = 1,
): FunctionSpec {
  return fn(min, max, (args, ctx) => {
    const serial = toDateSerial(args[0], ctx.format);
    return Number.isNaN(serial) ? null : compute(serial, args, ctx);
  });
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

function workDaysBetween(from: number, to: number, holidays: ReadonlySet<number>): number {
  let count = 0;
  for (let d = from; d <= to; d++) {
    if (partsFromSerial(d).isoWeekDay < 5 && !holidays.has(d)) count++;
  }
  return count;
}

function localNow(): number {
  const now = new Date();
  return serialFromDate(now) - now.getTimezoneOffset() / 1440;
}

/** Date and time functions: MakeDate, Year, Month, Week, MonthStart, AddMonths, Today, ... */
export const DATE_FUNCTIONS: FunctionTable = {
  MAKEDATE: fn(1, 3, (args, ctx) => {
    const [y, m, d] = [toNumber(args[0]), optionalNumber(args, 1, 1), optionalNumber(args, 2, 1)];
    if ([y, m, d].some(Number.isNaN)) return null;
    return asDate(serialFromParts(Math.trunc(y), Math.trunc(m), Math.trunc(d)), ctx.format);
  }),
  MAKETIME: fn(1, 4, (args, ctx) => {
    const [h, m, s] = [toNumber(args[0]), optionalNumber(args, 1, 0), optionalNumber(args, 2, 0)];
    if ([h, m, s].some(Number.isNaN)) return null;
    const t = (h * 3600 + m * 60 + s) / 86400;
    return new Dual(formatDate(t, ctx.format.timeFormat, ctx.format), t);
  }),
  MAKEWEEKDATE: fn(1, 3, (args, ctx) => {
    const [year, week, day] = [
      toNumber(args[0]),
      optionalNumber(args, 1, 1),
      optionalNumber(args, 2, 0),
    ];
    if ([year, week, day].some(Number.isNaN)) return null;
    const rules = ctx.format;
    // Week 1 starts on the first week day of the week holding the reference day of January.
    const reference = rules.brokenWeeks ? 1 : rules.referenceDay > 0 ? rules.referenceDay : 4;
    const week1 = startOfWeek(serialFromParts(Math.trunc(year), 1, reference), rules.firstWeekDay);
    return asDate(week1 + 7 * (Math.trunc(week) - 1) + Math.trunc(day), ctx.format);
  }),
  GMT: fn(0, 0, (_args, ctx) => {
    const now = serialFromDate(new Date());
    return new Dual(formatDate(now, ctx.format.timestampFormat, ctx.format), now);
  }),
  UTC: fn(0, 0, (_args, ctx) => {
    const now = serialFromDate(new Date());
    return new Dual(formatDate(now, ctx.format.timestampFormat, ctx.format), now);
  }),
  YEAR: ofDate((s) => partsFromSerial(s).year),
  MONTH: ofDate((s, _args, ctx) => {
    const month = partsFromSerial(s).month;
    return new Dual(ctx.format.monthNames[month - 1], month);
  }),
  DAY: ofDate((s) => partsFromSerial(s).day),
  WEEKDAY: ofDate((s, args, ctx) => {
    const iso = partsFromSerial(s).isoWeekDay;
    const first = optionalNumber(args, 1, ctx.format.firstWeekDay);
    return new Dual(ctx.format.dayNames[iso], (iso - first + 7) % 7);
  }, 2),
  WEEK: ofDate((s, args, ctx) => weekOf(s, weekRules(args, 1, ctx.format)).week, 4),
  WEEKYEAR: ofDate((s, args, ctx) => weekOf(s, weekRules(args, 1, ctx.format)).year, 4),
  HOUR: ofDate((s) => partsFromSerial(s).hour),
  MINUTE: ofDate((s) => partsFromSerial(s).minute),
  SECOND: ofDate((s) => partsFromSerial(s).second),
  TODAY: fn(0, 1, (_args, ctx) => asDate(dayOf(localNow()), ctx.format)),
  NOW: fn(0, 1, (_args, ctx) => {
    const now = localNow();
    return new Dual(formatDate(now, ctx.format.timestampFormat, ctx.format), now);
  }),
  DAYSTART: ofDate((s, args, ctx) => asDate(dayOf(s) + optionalNumber(args, 1, 0), ctx.format), 3),
  DAYEND: ofDate(
    (s, args, ctx) => asDate(dayOf(s) + optionalNumber(args, 1, 0) + 1 - ONE_MS, ctx.format),
    3,
  ),
  WEEKSTART: ofDate((s, args, ctx) => {
    const start =
      startOfWeek(s, ctx.format.firstWeekDay) +
      7 * optionalNumber(args, 1, 0) +
      optionalNumber(args, 2, 0);
    return asDate(start, ctx.format);
  }, 3),
  WEEKEND: ofDate((s, args, ctx) => {
    const start =
      startOfWeek(s, ctx.format.firstWeekDay) +
      7 * optionalNumber(args, 1, 0) +
      optionalNumber(args, 2, 0);
    return asDate(start + 7 - ONE_MS, ctx.format);
  }, 3),
  MONTHSTART: ofDate(
    (s, args, ctx) => asDate(monthStart(s, optionalNumber(args, 1, 0)), ctx.format),
    2,
  ),
  MONTHEND: ofDate(
    (s, args, ctx) => asDate(monthStart(s, optionalNumber(args, 1, 0) + 1) - ONE_MS, ctx.format),
    2,
  ),
  QUARTERSTART: ofDate((s, args, ctx) => {
    const first = optionalNumber(args, 2, ctx.format.firstMonthOfYear);
    return asDate(quarterStart(s, optionalNumber(args, 1, 0), first), ctx.format);
  }, 3),
  QUARTEREND: ofDate((s, args, ctx) => {
    const first = optionalNumber(args, 2, ctx.format.firstMonthOfYear);
    return asDate(quarterStart(s, optionalNumber(args, 1, 0) + 1, first) - ONE_MS, ctx.format);
  }, 3),
  YEARSTART: ofDate((s, args, ctx) => {
    const first = optionalNumber(args, 2, ctx.format.firstMonthOfYear);
    return asDate(yearStart(s, optionalNumber(args, 1, 0), first), ctx.format);
  }, 3),
  YEAREND: ofDate((s, args, ctx) => {
    const first = optionalNumber(args, 2, ctx.format.firstMonthOfYear);
    return asDate(yearStart(s, optionalNumber(args, 1, 0) + 1, first) - ONE_MS, ctx.format);
  }, 3),
  ADDMONTHS: ofDate(
    (s, args, ctx) => asDate(addMonths(s, Math.trunc(optionalNumber(args, 1, 0))), ctx.format),
    3,
  ),
  ADDYEARS: ofDate(
    (s, args, ctx) => asDate(addMonths(s, 12 * Math.trunc(optionalNumber(args, 1, 0))), ctx.format),
    2,
  ),
  SETDATEYEAR: ofDate(
    (s, args, ctx) => {
      const p = partsFromSerial(s);
      const year = Math.trunc(toNumber(args[1]));
      if (Number.isNaN(year)) return null;
      const serial = serialFromParts(year, p.month, p.day) + (s - dayOf(s));
      return new Dual(
        formatDate(
          serial,
          s === dayOf(s) ? ctx.format.dateFormat : ctx.format.timestampFormat,
          ctx.format,
        ),
        serial,
      );
    },
    2,
    2,
  ),
  SETDATEYEARMONTH: ofDate(
    (s, args, ctx) => {
      const p = partsFromSerial(s);
      const [year, month] = [Math.trunc(toNumber(args[1])), Math.trunc(toNumber(args[2]))];
      if (Number.isNaN(year) || Number.isNaN(month)) return null;
      const serial = serialFromParts(year, month, p.day) + (s - dayOf(s));
      return new Dual(
        formatDate(
          serial,
          s === dayOf(s) ? ctx.format.dateFormat : ctx.format.timestampFormat,
          ctx.format,
        ),
        serial,
      );
    },
    3,
    3,
  ),
  AGE: fn(2, 2, (args, ctx) => {
    const at = toDateSerial(args[0], ctx.format);
    const born = toDateSerial(args[1], ctx.format);
    if (Number.isNaN(at) || Number.isNaN(born)) return null;
    const a = partsFromSerial(at);
    const b = partsFromSerial(born);
    const hadBirthday = a.month > b.month || (a.month === b.month && a.day >= b.day);
    return a.year - b.year - (hadBirthday ? 0 : 1);
  }),
  NETWORKDAYS: fn(2, Infinity, (args, ctx) => {
    const start = toDateSerial(args[0], ctx.format);
    const end = toDateSerial(args[1], ctx.format);
    if (Number.isNaN(start) || Number.isNaN(end)) return null;
    const holidays = new Set(args.slice(2).map((h) => dayOf(toDateSerial(h, ctx.format))));
    const [from, to] = [dayOf(start), dayOf(end)];
    return from <= to ? workDaysBetween(from, to, holidays) : -workDaysBetween(to, from, holidays);
  }),
};
