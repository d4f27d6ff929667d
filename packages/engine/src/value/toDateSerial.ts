import type { FormatSettings } from './FormatSettings.js';
import { parseDate } from './parseDate.js';
import { toNumber } from './toNumber.js';
import type { Value } from './Value.js';

/**
 * The date serial of a value for date functions: its number, or a text read
 * with the DateFormat or TimestampFormat; NaN when it is neither.
 */
export function toDateSerial(v: Value, settings: FormatSettings): number {
  const n = toNumber(v);
  if (!Number.isNaN(n) || typeof v !== 'string') return n;
  for (const format of [settings.dateFormat, settings.timestampFormat, settings.timeFormat]) {
    const serial = parseDate(v, format, settings);
    if (!Number.isNaN(serial)) return serial;
  }
  return NaN;
}
