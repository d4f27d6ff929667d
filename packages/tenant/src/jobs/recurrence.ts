import { fromWallTime, toWallTime, type WallTime } from './zonedTime.js';

/** The RFC 5545 frequencies the tenant schedules. */
type Frequency = 'YEARLY' | 'MONTHLY' | 'WEEKLY' | 'DAILY' | 'HOURLY' | 'MINUTELY';

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** One parsed `RRULE:` line. */
export interface RecurrenceRule {
  readonly freq: Frequency;
  readonly interval: number;
  readonly count?: number;
  readonly until?: number;
  readonly byMonth?: readonly number[];
  readonly byMonthDay?: readonly number[];
  /** Weekdays (0 = Sunday), with an ordinal in a month or year (`1MO`, `-1FR`) when given. */
  readonly byDay?: ReadonlyArray<{ readonly weekday: number; readonly ordinal?: number }>;
  readonly byHour?: readonly number[];
  readonly byMinute?: readonly number[];
  readonly bySecond?: readonly number[];
}

/** A rule part the tenant does not read; the task is refused rather than scheduled wrongly. */
export class RecurrenceError extends Error {
  override readonly name = 'RecurrenceError';
}

/** Parses `RRULE:FREQ=DAILY;INTERVAL=1;BYHOUR=11;BYMINUTE=18;BYSECOND=0`. */
export function parseRecurrence(line: string): RecurrenceRule {
  const body = line.replace(/^RRULE:/i, '').trim();
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const [key, value] = part.split('=');
    if (!key || value === undefined)
      throw new RecurrenceError(`Malformed recurrence part "${part}" in ${line}`);
    parts.set(key.toUpperCase(), value);
  }
  const freq = parts.get('FREQ')?.toUpperCase();
  if (!freq || !['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY'].includes(freq))
    throw new RecurrenceError(`Unsupported or missing FREQ in ${line}`);
  const numbers = (key: string, min: number, max: number) => {
    const value = parts.get(key);
    if (value === undefined) return undefined;
    const list = value.split(',').map(Number);
    if (list.some((n) => !Number.isInteger(n) || n < min || n > max || (n === 0 && min < 0)))
      throw new RecurrenceError(`${key}=${value} is out of range in ${line}`);
    return list;
  };
  const known = new Set([
    'FREQ',
    'INTERVAL',
    'COUNT',
    'UNTIL',
    'BYMONTH',
    'BYMONTHDAY',
    'BYDAY',
    'BYHOUR',
    'BYMINUTE',
    'BYSECOND',
    'WKST',
  ]);
  for (const key of parts.keys())
    if (!known.has(key)) throw new RecurrenceError(`${key} is not supported (in ${line})`);
  const interval = Number(parts.get('INTERVAL') ?? 1);
  if (!Number.isInteger(interval) || interval < 1)
    throw new RecurrenceError(`Bad INTERVAL in ${line}`);
  const rule: {
    freq: Frequency;
    interval: number;
    count?: number;
    until?: number;
    byMonth?: number[];
    byMonthDay?: number[];
    byDay?: Array<{ weekday: number; ordinal?: number }>;
    byHour?: number[];
    byMinute?: number[];
    bySecond?: number[];
  } = { freq: freq as Frequency, interval };
  if (parts.has('COUNT')) {
    rule.count = Number(parts.get('COUNT'));
    if (!Number.isInteger(rule.count) || rule.count < 1)
      throw new RecurrenceError(`Bad COUNT in ${line}`);
  }
  if (parts.has('UNTIL')) rule.until = parseUntil(parts.get('UNTIL')!, line);
  rule.byMonth = numbers('BYMONTH', 1, 12);
  rule.byMonthDay = numbers('BYMONTHDAY', -31, 31);
  rule.byHour = numbers('BYHOUR', 0, 23);
  rule.byMinute = numbers('BYMINUTE', 0, 59);
  rule.bySecond = numbers('BYSECOND', 0, 59);
  if (parts.has('BYDAY')) {
    rule.byDay = parts
      .get('BYDAY')!
      .split(',')
      .map((token) => {
        const match = /^([+-]?\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$/i.exec(token.trim());
        if (!match) throw new RecurrenceError(`Bad BYDAY value ${token} in ${line}`);
        const weekday = WEEKDAYS.indexOf(match[2]!.toUpperCase() as (typeof WEEKDAYS)[number]);
        return match[1] ? { weekday, ordinal: Number(match[1]) } : { weekday };
      });
  }
  return rule;
}

function parseUntil(value: string, line: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(value);
  if (!match) throw new RecurrenceError(`Bad UNTIL in ${line}`);
  const [, y, mo, d, h = '23', mi = '59', s = '59'] = match;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
}

/** Days in a month (month 1–12). */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Adds days to a date, in the proleptic calendar. */
function addDays(
  date: { year: number; month: number; day: number },
  days: number,
): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The days of one period (a year, month or week, or one day) the rule's date parts pick. */
function daysOfPeriod(
  rule: RecurrenceRule,
  start: WallTime,
  period: { year: number; month: number; day: number },
): Array<{ year: number; month: number; day: number }> {
  const inMonth = (year: number, month: number) => {
    const count = daysIn(year, month);
    let days: number[];
    if (rule.byMonthDay)
      days = rule.byMonthDay
        .map((d) => (d > 0 ? d : count + 1 + d))
        .filter((d) => d >= 1 && d <= count);
    else if (rule.byDay) days = [...Array(count).keys()].map((i) => i + 1);
    else days = start.day <= count ? [start.day] : [];
    if (rule.byDay) {
      days = days.filter((d) => {
        const weekday = weekdayOf(year, month, d);
        return rule.byDay!.some((by) => {
          if (by.weekday !== weekday) return false;
          if (by.ordinal === undefined) return true;
          const nth = Math.ceil(d / 7);
          const nthFromEnd = -Math.ceil((count - d + 1) / 7);
          return by.ordinal === nth || by.ordinal === nthFromEnd;
        });
      });
    }
    return days.sort((a, b) => a - b).map((day) => ({ year, month, day }));
  };
  switch (rule.freq) {
    case 'YEARLY': {
      const months =
        rule.byMonth ??
        (rule.byDay && !rule.byMonthDay ? [...Array(12).keys()].map((m) => m + 1) : [start.month]);
      return [...months].sort((a, b) => a - b).flatMap((month) => inMonth(period.year, month));
    }
    case 'MONTHLY':
      if (rule.byMonth && !rule.byMonth.includes(period.month)) return [];
      return inMonth(period.year, period.month);
    case 'WEEKLY': {
      const weekdays = rule.byDay?.map((by) => by.weekday) ?? [
        weekdayOf(start.year, start.month, start.day),
      ];
      const monday = addDays(period, -((weekdayOf(period.year, period.month, period.day) + 6) % 7));
      return [...Array(7).keys()]
        .map((i) => addDays(monday, i))
        .filter((d) => weekdays.includes(weekdayOf(d.year, d.month, d.day)))
        .filter((d) => !rule.byMonth || rule.byMonth.includes(d.month));
    }
    default: {
      const d = period;
      if (rule.byMonth && !rule.byMonth.includes(d.month)) return [];
      if (rule.byMonthDay && !inMonth(d.year, d.month).some((x) => x.day === d.day)) return [];
      if (rule.byDay && !rule.byDay.some((by) => by.weekday === weekdayOf(d.year, d.month, d.day)))
        return [];
      return [{ year: d.year, month: d.month, day: d.day }];
    }
  }
}

/** The times of one day the rule picks, in period order. */
function timesOf(
  rule: RecurrenceRule,
  start: WallTime,
  hourPeriod?: number,
  minutePeriod?: number,
): Array<[number, number, number]> {
  const hours = hourPeriod !== undefined ? [hourPeriod] : (rule.byHour ?? [start.hour]);
  const minutes = minutePeriod !== undefined ? [minutePeriod] : (rule.byMinute ?? [start.minute]);
  const seconds = rule.bySecond ?? [start.second];
  const times: Array<[number, number, number]> = [];
  for (const h of [...hours].sort((a, b) => a - b))
    for (const m of [...minutes].sort((a, b) => a - b))
      for (const s of [...seconds].sort((a, b) => a - b)) times.push([h, m, s]);
  return times;
}

/**
 * The occurrences of a rule from `start` (an instant, the series' DTSTART)
 * in `timeZone`, in order, as instants. Stops at UNTIL, COUNT, or after
 * `limit` candidate periods without an occurrence (a rule that never fires).
 */
export function* occurrences(
  rule: RecurrenceRule,
  start: number,
  timeZone: string,
  fromStep = 0,
  limit = 100_000,
): Generator<number> {
  const first = toWallTime(start, timeZone);
  // Occurrences have whole seconds, as RRULE times do: a start with milliseconds is its own second's.
  const from = Math.floor(start / 1000) * 1000;
  let emitted = 0;
  let empty = 0;
  for (let step = fromStep; empty < limit; step++) {
    const candidates = candidatesOfPeriod(rule, first, step);
    if (candidates.length === 0) {
      empty++;
      continue;
    }
    let any = false;
    for (const wall of candidates) {
      const instant = fromWallTime(wall, timeZone);
      if (instant < from) continue;
      if (rule.until !== undefined && instant > rule.until) return;
      any = true;
      yield instant;
      emitted++;
      if (rule.count !== undefined && emitted >= rule.count) return;
    }
    empty = any ? 0 : empty + 1;
  }
}

function candidatesOfPeriod(rule: RecurrenceRule, start: WallTime, step: number): WallTime[] {
  const n = step * rule.interval;
  const date = { year: start.year, month: start.month, day: start.day };
  switch (rule.freq) {
    case 'YEARLY':
      return expand(
        rule,
        start,
        daysOfPeriod(rule, start, { year: start.year + n, month: 1, day: 1 }),
      );
    case 'MONTHLY': {
      const total = start.year * 12 + (start.month - 1) + n;
      return expand(
        rule,
        start,
        daysOfPeriod(rule, start, {
          year: Math.floor(total / 12),
          month: (total % 12) + 1,
          day: 1,
        }),
      );
    }
    case 'WEEKLY':
      return expand(rule, start, daysOfPeriod(rule, start, addDays(date, 7 * n)));
    case 'DAILY':
      return expand(rule, start, daysOfPeriod(rule, start, addDays(date, n)));
    case 'HOURLY': {
      const hours = start.hour + n;
      const day = addDays(date, Math.floor(hours / 24));
      const hour = hours % 24;
      if (rule.byHour && !rule.byHour.includes(hour)) return [];
      return daysOfPeriod(rule, start, day).flatMap((d) =>
        timesOf(rule, start, hour).map(([h, m, s]) => ({ ...d, hour: h, minute: m, second: s })),
      );
    }
    case 'MINUTELY': {
      const minutes = start.hour * 60 + start.minute + n;
      const day = addDays(date, Math.floor(minutes / 1440));
      const hour = Math.floor((minutes % 1440) / 60);
      const minute = minutes % 60;
      if (
        (rule.byHour && !rule.byHour.includes(hour)) ||
        (rule.byMinute && !rule.byMinute.includes(minute))
      )
        return [];
      return daysOfPeriod(rule, start, day).flatMap((d) =>
        timesOf(rule, start, hour, minute).map(([h, m, s]) => ({
          ...d,
          hour: h,
          minute: m,
          second: s,
        })),
      );
    }
  }
}

function expand(
  rule: RecurrenceRule,
  start: WallTime,
  days: Array<{ year: number; month: number; day: number }>,
): WallTime[] {
  const times = timesOf(rule, start);
  return days.flatMap((d) =>
    times.map(([hour, minute, second]) => ({ ...d, hour, minute, second })),
  );
}

/** Roughly how long one period of each frequency lasts, to skip ahead without counting every period. */
const PERIOD_MS: Readonly<Record<Frequency, number>> = {
  YEARLY: 365 * 86_400_000,
  MONTHLY: 28 * 86_400_000,
  WEEKLY: 7 * 86_400_000,
  DAILY: 86_400_000,
  HOURLY: 3_600_000,
  MINUTELY: 60_000,
};

/** The first occurrence of any of the rules strictly after `after`, or null when none comes. */
export function nextOccurrence(
  rules: readonly RecurrenceRule[],
  start: number,
  timeZone: string,
  after: number,
): number | null {
  let best: number | null = null;
  for (const rule of rules) {
    // Skip the periods that end before `after` (a COUNT must be counted from the start).
    const skip =
      rule.count === undefined
        ? Math.floor((after - start) / (PERIOD_MS[rule.freq] * rule.interval)) - 2
        : 0;
    for (const instant of occurrences(rule, start, timeZone, Math.max(0, skip))) {
      if (instant > after) {
        if (best === null || instant < best) best = instant;
        break;
      }
      if (best !== null && instant > best) break;
    }
  }
  return best;
}
