import { dayOf, partsFromSerial, serialFromParts } from './dateSerial.js';

/**
 * The first day of the `months`-month period (1, 2, 3, 4, 6 or 12 months,
 * counted from the fiscal year's `firstMonth`, 1–12) that contains a serial,
 * shifted by whole periods.
 */
export function monthsPeriodStart(
  serial: number,
  months: number,
  shift = 0,
  firstMonth = 1,
): number {
  const p = partsFromSerial(serial);
  const fiscalYear = p.month < firstMonth ? p.year - 1 : p.year;
  const monthsIntoYear = (p.month - firstMonth + 12) % 12;
  const periodOffset = monthsIntoYear - (monthsIntoYear % months);
  return serialFromParts(fiscalYear, firstMonth + periodOffset + months * shift, 1);
}

/** The first day of the month that contains a serial, shifted by whole months. */
export function monthStart(serial: number, shift = 0): number {
  return monthsPeriodStart(serial, 1, shift);
}

/** The first day of the quarter that contains a serial; quarters count from `firstMonth` (1–12). */
export function quarterStart(serial: number, shift = 0, firstMonth = 1): number {
  return monthsPeriodStart(serial, 3, shift, firstMonth);
}

/** The first day of the (fiscal) year that contains a serial, shifted by whole years. */
export function yearStart(serial: number, shift = 0, firstMonth = 1): number {
  return monthsPeriodStart(serial, 12, shift, firstMonth);
}

function daysInMonth(year: number, month: number): number {
  return partsFromSerial(serialFromParts(year, month + 1, 0)).day;
}

/**
 * The same day and time some months later, clamped to the last day of a
 * shorter month. With `fromEnd` (AddMonths mode 1) a date on or after the
 * 28th keeps its distance to the end of the month instead.
 */
export function addMonths(serial: number, months: number, fromEnd = false): number {
  const p = partsFromSerial(serial);
  const target = partsFromSerial(serialFromParts(p.year, p.month + months, 1));
  const lastDay = daysInMonth(target.year, target.month);
  let day = Math.min(p.day, lastDay);
  if (fromEnd && p.day >= 28) day = lastDay - (daysInMonth(p.year, p.month) - p.day);
  return serialFromParts(target.year, target.month, day) + (serial - dayOf(serial));
}
