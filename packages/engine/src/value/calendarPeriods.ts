import { dayOf, partsFromSerial, serialFromParts } from './dateSerial.js';

/** The first day of the month that contains a serial, shifted by whole months. */
export function monthStart(serial: number, shift = 0): number {
  const p = partsFromSerial(serial);
  return serialFromParts(p.year, p.month + shift, 1);
}

/** The first day of the quarter that contains a serial; quarters count from `firstMonth` (1–12). */
export function quarterStart(serial: number, shift = 0, firstMonth = 1): number {
  const p = partsFromSerial(serial);
  const monthsIntoYear = (p.month - firstMonth + 12) % 12;
  return serialFromParts(p.year, p.month - (monthsIntoYear % 3) + 3 * shift, 1);
}

/** The first day of the (fiscal) year that contains a serial, shifted by whole years. */
export function yearStart(serial: number, shift = 0, firstMonth = 1): number {
  const p = partsFromSerial(serial);
  const year = p.month < firstMonth ? p.year - 1 : p.year;
  return serialFromParts(year + shift, firstMonth, 1);
}

/** The same day and time some months later, clamped to the last day of a shorter month. */
export function addMonths(serial: number, months: number): number {
  const p = partsFromSerial(serial);
  const target = partsFromSerial(serialFromParts(p.year, p.month + months, 1));
  const lastDay = partsFromSerial(serialFromParts(target.year, target.month + 1, 0)).day;
  return (
    serialFromParts(target.year, target.month, Math.min(p.day, lastDay)) + (serial - dayOf(serial))
  );
}
