import { partsFromSerial, dayOf } from '../../value/dateSerial.js';
import { formatDate } from '../../value/formatDate.js';
import type { FormatSettings } from '../../value/FormatSettings.js';
import { toDateSerial } from '../../value/toDateSerial.js';
import { toNumber } from '../../value/toNumber.js';
import { fromBoolean } from '../../value/truth.js';
import { Dual, type Value } from '../../value/Value.js';
import type { EvalContext } from '../EvalContext.js';
import { fn, type FunctionEntry, functionFamily } from '../FunctionSpec.js';
import { type Bounds, PERIOD_KINDS, type PeriodKind } from './datePeriods.js';
import { optionalNumber } from './argumentReaders.js';
import { localNow } from './clockFunctions.js';

/** One millisecond as a fraction of a day: a period ends at its last millisecond. */
const ONE_MS = 1 / 86_400_000;

/** The arguments common to a period function, after any leading n_months. */
interface PeriodCall {
  readonly kind: PeriodKind;
  readonly months: number;
  readonly args: readonly Value[];
  readonly ctx: EvalContext;
}

/** Bounds of the period holding the argument at `dateAt`, moved by the shift at `shiftAt`. */
function boundsAt(
  call: PeriodCall,
  dateAt: number,
  shiftAt: number,
  optionAt: number,
): Bounds | undefined {
  const serial = toDateSerial(call.args[dateAt] ?? null, call.ctx.format);
  const shift = Math.trunc(optionalNumber(call.args, shiftAt, 0));
  if (Number.isNaN(serial) || Number.isNaN(shift)) return undefined;
  return call.kind.bounds(serial, shift, call.args[optionAt], call.ctx.format, call.months);
}

/** n_months as the Months functions' first argument; other kinds have none. */
function monthsOf(
  kind: PeriodKind,
  args: readonly Value[],
): { months: number; rest: readonly Value[] } {
  if (kind.name !== 'Months') return { months: 1, rest: args };
  return { months: Math.trunc(toNumber(args[0] ?? null)), rest: args.slice(1) };
}

function periodFunction(
  kind: PeriodKind,
  min: number,
  max: number,
  params: string,
  compute: (call: PeriodCall) => Value,
): FunctionEntry {
  const lead = kind.name === 'Months' ? 1 : 0;
  return fn(
    min + lead,
    max + lead,
    (args, ctx) => {
      const { months, rest } = monthsOf(kind, args);
      return Number.isNaN(months) ? null : compute({ kind, months, args: rest, ctx });
    },
    (lead ? 'n_months, ' : '') + params,
  );
}

function asPeriodDate(serial: number, kind: PeriodKind, settings: FormatSettings): Value {
  const format = kind.timestamp ? settings.timestampFormat : settings.dateFormat;
  return new Dual(formatDate(serial, format, settings), serial);
}

/** The Start, End, Name, In and InToDate functions of one kind of period. */
function periodFamily(kind: PeriodKind): Record<string, FunctionEntry> {
  const option = kind.option ? ` [, ${kind.option}]` : '';
  const max = kind.option ? 3 : 2;
  const dateParams = `date [, period_no${option}]`;
  const inParams = `timestamp, base_date, period_no [, ${kind.option ?? 'first_month_of_year'}]`;
  const toDate = kind.name === 'Day' ? 'InDayToTime' : `In${kind.name}ToDate`;
  return {
    [`${kind.name}Start`]: periodFunction(kind, 1, max, dateParams, (call) => {
      const bounds = boundsAt(call, 0, 1, 2);
      return bounds ? asPeriodDate(bounds.start, kind, call.ctx.format) : null;
    }),
    [`${kind.name}End`]: periodFunction(kind, 1, max, dateParams, (call) => {
      const bounds = boundsAt(call, 0, 1, 2);
      return bounds ? asPeriodDate(bounds.end - ONE_MS, kind, call.ctx.format) : null;
    }),
    [`${kind.name}Name`]: periodFunction(kind, 1, max, dateParams, (call) => {
      const bounds = boundsAt(call, 0, 1, 2);
      return bounds
        ? new Dual(kind.label(bounds, call.args[2], call.ctx.format, call.months), bounds.start)
        : null;
    }),
    [`In${kind.name}`]: periodFunction(kind, 3, 4, inParams, (call) => {
      const at = toDateSerial(call.args[0] ?? null, call.ctx.format);
      const bounds = boundsAt(call, 1, 2, 3);
      return bounds && !Number.isNaN(at)
        ? fromBoolean(at >= bounds.start && at < bounds.end)
        : null;
    }),
    // From the period's start to the base date's place in it (its whole day; InDayToTime: the base time itself).
    [toDate]: periodFunction(kind, 3, kind.option ? 4 : 3, inParams, (call) => {
      const at = toDateSerial(call.args[0] ?? null, call.ctx.format);
      const base = toDateSerial(call.args[1] ?? null, call.ctx.format);
      const own = boundsAt(
        { ...call, args: [call.args[1] ?? null, 0, call.args[3] ?? null] },
        0,
        1,
        2,
      );
      const bounds = boundsAt(call, 1, 2, 3);
      if (!bounds || !own || Number.isNaN(at)) return null;
      const into = base - own.start;
      if (kind.name === 'Day') return fromBoolean(at >= bounds.start && at <= bounds.start + into);
      const end = Math.min(bounds.end, dayOf(bounds.start + into) + 1);
      return fromBoolean(at >= bounds.start && at < end);
    }),
  };
}

/** Month lengths of a 366-day year: Qlik numbers days as if every year were a leap year. */
const LEAP_MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Day number of a date within its year or quarter (`periodMonths` 12 or 3), counted on a 366-day year. */
function dayNumberIn(
  args: readonly Value[],
  settings: FormatSettings,
  periodMonths: number,
): Value {
  const serial = toDateSerial(args[0] ?? null, settings);
  if (Number.isNaN(serial)) return null;
  const firstMonth = optionalNumber(args, 1, 1);
  const { month, day } = partsFromSerial(serial);
  const monthsIntoPeriod = ((month - firstMonth + 12) % 12) % periodMonths;
  let days = day;
  for (let i = 1; i <= monthsIntoPeriod; i++) days += LEAP_MONTH_DAYS[(month - 1 - i + 12) % 12]!;
  return days;
}

/** YearToDate(timestamp [, yearoffset [, firstmonth [, todaydate]]]): whether a date lies in the year up to today's date. */
function yearToDate(args: readonly Value[], ctx: EvalContext): Value {
  const year = PERIOD_KINDS.find((kind) => kind.name === 'Year')!;
  const inToDate = periodFamily(year).InYearToDate!.fn;
  const today = args[3] ?? dayOf(localNow());
  return inToDate([args[0] ?? null, today, args[1] ?? 0, args[2] ?? null], ctx);
}

/**
 * Period functions of every kind of period: DayStart/End/Name, WeekStart...,
 * LunarWeek*, Month*, Months*, Quarter*, Year*, the In* tests and their
 * ToDate forms, YearToDate and the day numbers.
 */
export const PERIOD_FUNCTIONS = functionFamily('DATE', {
  ...Object.assign({}, ...PERIOD_KINDS.map(periodFamily)),
  YearToDate: fn(1, 4, yearToDate, 'timestamp [, yearoffset [, firstmonth [, todaydate]]]'),
  DayNumberOfYear: fn(
    1,
    2,
    (args, ctx) => dayNumberIn(args, ctx.format, 12),
    'date [, firstmonth]',
  ),
  DayNumberOfQuarter: fn(
    1,
    2,
    (args, ctx) => dayNumberIn(args, ctx.format, 3),
    'date [, firstmonth]',
  ),
});
