import type { FormatSettings } from './FormatSettings.js';
import { parseDate } from './parseDate.js';
import { toNumber } from './toNumber.js';
import type { Value } from './Value.js';

/** Standard forms every date function also reads, whatever the format variables say. */
const STANDARD_FORMATS = [
  'YYYY-MM-DD',
  'YYYY-MM-DD hh:mm:ss[.fff]',
  'YYYY-MM-DD hh:mm',
  'YYYY/MM/DD',
  'YYYY/MM/DD hh:mm:ss[.fff]',
  'YYYY/MM/DD hh:mm',
  'hh:mm:ss[.fff]',
  'hh:mm',
];

/** A time format with its seconds (and fraction) left out: 'h:mm:ss[.fff] TT' → 'h:mm TT'. */
function withoutSeconds(format: string): string {
  return format.replace(/[:.]ss(\[?\.f+\]?)?/, '');
}

/**
 * The date serial of a value for date functions: its number, or a text read
 * with the DateFormat, TimestampFormat or TimeFormat (24-hour times read
 * under a format with AM/PM too), else in an ISO 8601 form; NaN when it is
 * no date.
 */
export function toDateSerial(v: Value, settings: FormatSettings): number {
  const n = toNumber(v);
  if (!Number.isNaN(n) || typeof v !== 'string') return n;
  for (const format of [
    settings.dateFormat,
    settings.timestampFormat,
    settings.timeFormat,
    // A time written without its seconds ('01/13/2006 00:00', as the InDay page does).
    withoutSeconds(settings.timestampFormat),
    withoutSeconds(settings.timeFormat),
  ]) {
    const serial = parseDate(v, format, settings);
    if (!Number.isNaN(serial)) return serial;
  }
  // ISO 8601's 'T' between date and time reads as the space of the standard forms.
  const text = /^\d{4}-\d\d-\d\dT/.test(v) ? v.replace('T', ' ') : v;
  for (const format of STANDARD_FORMATS) {
    const serial = parseDate(text, format, settings);
    if (!Number.isNaN(serial)) return serial;
  }
  return NaN;
}
