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

/** The Qlik serial (days since 1899-12-30) of a calendar date and time; months and days overflow. */
export function serialFromParts(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const monthIndex = month - 1;
  const y = year + Math.floor(monthIndex / 12);
  const m = monthIndex - 12 * Math.floor(monthIndex / 12) + 1;
  const days = daysFromCivil(y, m, 1) + day - 1;
  const ms = ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
  return days + EPOCH_SERIAL + ms / MS_PER_DAY;
}

/** Splits a Qlik serial into calendar and clock parts, to the millisecond. */
export function partsFromSerial(serial: number): DateParts {
  const totalMs = Math.round((serial - EPOCH_SERIAL) * MS_PER_DAY);
  const days = Math.floor(totalMs / MS_PER_DAY);
  let msOfDay = totalMs - days * MS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  const hour = Math.floor(msOfDay / 3_600_000);
  msOfDay -= hour * 3_600_000;
  const minute = Math.floor(msOfDay / 60_000);
  msOfDay -= minute * 60_000;
  const second = Math.floor(msOfDay / 1000);
  // 1970-01-01 was a Thursday, ISO day 3.
  const isoWeekDay = (((days + 3) % 7) + 7) % 7;
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    millisecond: msOfDay - second * 1000,
    isoWeekDay,
  };
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, by era arithmetic so
 * that hot per-row date functions allocate no Date objects.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The calendar date of a count of days since 1970-01-01. */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * mp + 2) / 5) + 1,
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
