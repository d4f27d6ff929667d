import { dayOf, partsFromSerial, serialFromParts } from './dateSerial.js';

/** How weeks are counted: Qlik's FirstWeekDay, BrokenWeeks and ReferenceDay. */
export interface WeekRules {
  /** 0 Monday ... 6 Sunday. */
  readonly firstWeekDay: number;
  readonly brokenWeeks: boolean;
  /** Day of January that week 1 must contain when weeks are unbroken (0 means 4, as ISO). */
  readonly referenceDay: number;
}

/** The serial of the first day of the week that contains a serial. */
export function startOfWeek(serial: number, firstWeekDay: number): number {
  const day = dayOf(serial);
  const iso = partsFromSerial(day).isoWeekDay;
  return day - ((iso - firstWeekDay + 7) % 7);
}

/** Week number and the year it belongs to, for a date serial. */
export function weekOf(serial: number, rules: WeekRules): { week: number; year: number } {
  const weekStart = startOfWeek(serial, rules.firstWeekDay);
  const year = partsFromSerial(serial).year;
  if (rules.brokenWeeks) {
    const first = startOfWeek(serialFromParts(year, 1, 1), rules.firstWeekDay);
    return { week: Math.floor((weekStart - first) / 7) + 1, year };
  }
  const reference = rules.referenceDay > 0 ? rules.referenceDay : 4;
  const firstWeekStart = (y: number): number =>
    startOfWeek(serialFromParts(y, 1, reference), rules.firstWeekDay);
  let weekYear = year;
  if (weekStart < firstWeekStart(year)) weekYear = year - 1;
  else if (weekStart >= firstWeekStart(year + 1)) weekYear = year + 1;
  return { week: Math.floor((weekStart - firstWeekStart(weekYear)) / 7) + 1, year: weekYear };
}
