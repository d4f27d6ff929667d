/** Days between Qlik's day 0 (1899-12-30) and the Unix epoch. */
const EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;

/** The calendar and clock parts of a date serial. */
export interface DateParts {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** 0 Monday ... 6 Sunday. */
  readonly isoWeekDay: number;
}

/** The Qlik serial (days since 1899-12-30) of a calendar date and time; months overflow into years. */
export function serialFromParts(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  return date.getTime() / MS_PER_DAY + EPOCH_SERIAL;
}

/** Splits a Qlik serial into calendar and clock parts, to the millisecond. */
export function partsFromSerial(serial: number): DateParts {
  const date = new Date(Math.round((serial - EPOCH_SERIAL) * MS_PER_DAY));
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
    isoWeekDay: (date.getUTCDay() + 6) % 7,
  };
}

/** The Qlik serial of a JavaScript Date's instant, read in UTC. */
export function serialFromDate(date: Date): number {
  return date.getTime() / MS_PER_DAY + EPOCH_SERIAL;
}

/** The serial of the day that contains a serial (its time part dropped), robust to float noise. */
export function dayOf(serial: number): number {
  return Math.floor(serial + 1e-9);
}
