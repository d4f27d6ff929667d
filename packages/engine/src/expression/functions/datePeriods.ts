import { monthsPeriodStart } from '../../value/calendarPeriods.js';
import { dayOf, partsFromSerial, serialFromParts } from '../../value/dateSerial.js';
import { formatDate } from '../../value/formatDate.js';
import type { FormatSettings } from '../../value/FormatSettings.js';
import { toNumber } from '../../value/toNumber.js';
import type { Value } from '../../value/Value.js';
import { startOfWeek, weekOf } from '../../value/weekNumber.js';

/** A period's first instant and the first instant after it. */
export interface Bounds {
  readonly start: number;
  readonly end: number;
}

/**
 * A kind of calendar period (day, week, lunar week, month, n months,
 * quarter, year): where the period holding a date starts and ends, moved by
 * whole periods, and its display name. `option` is the kind's optional
 * argument (day_start, first_week_day or first_month_of_year); `months` the
 * length of an n-months period.
 */
export interface PeriodKind {
  /** The name in the functions' names: Day, Week, LunarWeek, Month, Months, Quarter, Year. */
  readonly name: string;
  /** The name of the optional argument, or undefined when the Start/End/Name functions take none. */
  readonly option?: string;
  /** Whether Start and End show a timestamp (DayStart, DayEnd) rather than a date. */
  readonly timestamp?: boolean;
  bounds(
    serial: number,
    shift: number,
    option: Value | undefined,
    settings: FormatSettings,
    months: number,
  ): Bounds | undefined;
  label(
    bounds: Bounds,
    option: Value | undefined,
    settings: FormatSettings,
    months: number,
  ): string;
}

function optionNumber(option: Value | undefined, fallback: number): number {
  if (option === undefined || option === null) return fallback;
  const n = toNumber(option);
  return Number.isNaN(n) ? fallback : n;
}

function firstMonthOf(option: Value | undefined, settings: FormatSettings): number {
  const month = Math.trunc(optionNumber(option, settings.firstMonthOfYear));
  return month >= 1 && month <= 12 ? month : 1;
}

/** Months of a period as Qlik names them: 'Oct 2013', 'Oct-Dec 2013', 'Oct-Jan 2014' (the year it ends in). */
function monthRange(bounds: Bounds, settings: FormatSettings, months: number): string {
  const first = partsFromSerial(bounds.start);
  const firstName = settings.monthNames[first.month - 1];
  if (months === 1) return `${firstName} ${first.year}`;
  const last = partsFromSerial(bounds.end - 1);
  return `${firstName}-${settings.monthNames[last.month - 1]} ${last.year}`;
}

function monthsBounds(serial: number, months: number, shift: number, firstMonth: number): Bounds {
  const start = monthsPeriodStart(serial, months, shift, firstMonth);
  return { start, end: monthsPeriodStart(start, months, 1, firstMonth) };
}

/** A day, starting `day_start` (a fraction of a day) after midnight. */
const DAY: PeriodKind = {
  name: 'Day',
  option: 'day_start',
  timestamp: true,
  bounds(serial, shift, option) {
    const offset = optionNumber(option, 0);
    const start = dayOf(serial - offset) + offset + shift;
    return { start, end: start + 1 };
  },
  label: (bounds, _option, settings) => formatDate(bounds.start, settings.dateFormat, settings),
};

function weekStartDay(option: Value | undefined, settings: FormatSettings): number {
  const day = Math.trunc(optionNumber(option, settings.firstWeekDay));
  return ((day % 7) + 7) % 7;
}

/** A week starting on `first_week_day` (0 Monday ... 6 Sunday). */
const WEEK: PeriodKind = {
  name: 'Week',
  option: 'first_week_day',
  bounds(serial, shift, option, settings) {
    const start = startOfWeek(serial, weekStartDay(option, settings)) + 7 * shift;
    return { start, end: start + 7 };
  },
  label(bounds, option, settings) {
    const { week, year } = weekOf(bounds.start, {
      ...settings,
      firstWeekDay: weekStartDay(option, settings),
    });
    return `${year}/${String(week).padStart(2, '0')}`;
  },
};

/**
 * A lunar week: seven days counted from 1 January (moved `first_week_day`
 * days later); the 52nd week takes the year's remaining one or two days.
 */
const LUNAR_WEEK: PeriodKind = {
  name: 'LunarWeek',
  option: 'first_week_day',
  bounds(serial, shift, option) {
    const offset = Math.trunc(optionNumber(option, 0));
    const day = dayOf(serial);
    let year = partsFromSerial(day).year;
    if (day < serialFromParts(year, 1, 1) + offset) year--;
    let week = Math.min(51, Math.floor((day - serialFromParts(year, 1, 1) - offset) / 7)) + shift;
    year += Math.floor(week / 52);
    week = ((week % 52) + 52) % 52;
    const start = serialFromParts(year, 1, 1) + offset + 7 * week;
    return { start, end: week === 51 ? serialFromParts(year + 1, 1, 1) + offset : start + 7 };
  },
  label(bounds, option) {
    const offset = Math.trunc(optionNumber(option, 0));
    const { year } = partsFromSerial(bounds.start - offset);
    const week = Math.floor((bounds.start - serialFromParts(year, 1, 1) - offset) / 7) + 1;
    return `${year}/${String(week).padStart(2, '0')}`;
  },
};

const MONTH: PeriodKind = {
  name: 'Month',
  bounds: (serial, shift) => monthsBounds(serial, 1, shift, 1),
  label: (bounds, _option, settings) => monthRange(bounds, settings, 1),
};

/** An n-months period (n = 1, 2, 3, 4 or 6) of a year starting in `first_month_of_year`. */
const MONTHS: PeriodKind = {
  name: 'Months',
  option: 'first_month_of_year',
  bounds(serial, shift, option, settings, months) {
    if (![1, 2, 3, 4, 6].includes(months)) return undefined;
    return monthsBounds(serial, months, shift, firstMonthOf(option, settings));
  },
  label: (bounds, _option, settings, months) => monthRange(bounds, settings, months),
};

const QUARTER: PeriodKind = {
  name: 'Quarter',
  option: 'first_month_of_year',
  bounds: (serial, shift, option, settings) =>
    monthsBounds(serial, 3, shift, firstMonthOf(option, settings)),
  label: (bounds, _option, settings) => monthRange(bounds, settings, 3),
};

/** A (fiscal) year; a year not starting in January is named by both its years, '2012-2013'. */
const YEAR: PeriodKind = {
  name: 'Year',
  option: 'first_month_of_year',
  bounds: (serial, shift, option, settings) =>
    monthsBounds(serial, 12, shift, firstMonthOf(option, settings)),
  label(bounds) {
    const first = partsFromSerial(bounds.start);
    return first.month === 1 ? String(first.year) : `${first.year}-${first.year + 1}`;
  },
};

/** Every period kind the date functions know. */
export const PERIOD_KINDS: readonly PeriodKind[] = [
  DAY,
  WEEK,
  LUNAR_WEEK,
  MONTH,
  MONTHS,
  QUARTER,
  YEAR,
];
