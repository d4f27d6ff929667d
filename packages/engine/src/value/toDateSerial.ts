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
  const asDate = parseDate(v, settings.dateFormat, settings);
  return Number.isNaN(asDate) ? parseDate(v, settings.timestampFormat, settings) : asDate;
}
