import { serialFromParts } from '../value/dateSerial.js';
import type { FormatSettings } from '../value/FormatSettings.js';
import { formatDate } from '../value/formatDate.js';
import { Dual, type Value } from '../value/Value.js';

const ISO_DATE_TIME =
  /^(-?\d{4,})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?)?(Z|[+-]\d\d(?::?\d\d)?)?$/;
const CLOCK = /^(\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?$/;

/** A date from a database: its serial, shown with the script's DateFormat, as Qlik shows dates read through a connector. */
export function dateValue(serial: number, format: FormatSettings): Dual {
  return new Dual(formatDate(serial, format.dateFormat, format), serial);
}

/** A timestamp from a database, shown with the script's TimestampFormat. */
export function timestampValue(serial: number, format: FormatSettings): Dual {
  return new Dual(formatDate(serial, format.timestampFormat, format), serial);
}

/** A time of day (a fraction of a day), shown with the script's TimeFormat. */
export function timeValue(fraction: number, format: FormatSettings): Dual {
  return new Dual(formatDate(fraction, format.timeFormat, format), fraction);
}

/** A boolean as Qlik reads one: the dual 'true' -1 or 'false' 0. */
export function booleanValue(value: boolean): Dual {
  return value ? new Dual('true', -1) : new Dual('false', 0);
}

/**
 * The Qlik serial of an ISO date or timestamp text (`2024-01-31`,
 * `2024-01-31 08:15:00.5`, with an optional zone offset that is applied to
 * get UTC); NaN when the text is no such date.
 */
export function isoSerial(text: string): { serial: number; hasTime: boolean } | undefined {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const ms = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  let serial = serialFromParts(
    Number(y),
    Number(mo),
    Number(d),
    Number(h ?? 0),
    Number(mi ?? 0),
    Number(s ?? 0),
    ms,
  );
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
    serial -= (sign * minutes) / 1440;
  }
  return { serial, hasTime: h !== undefined };
}

/** The fraction of a day of a `hh:mm[:ss[.fff]]` text, or undefined. */
export function clockFraction(text: string): number | undefined {
  const match = CLOCK.exec(text);
  if (!match) return undefined;
  const [, h, m, s, fraction] = match;
  const seconds =
    Number(h) * 3600 + Number(m) * 60 + Number(s ?? 0) + (fraction ? Number(`0.${fraction}`) : 0);
  return seconds / 86400;
}

/** A date or timestamp text from a database as a Qlik dual; the text itself when it is no ISO date. */
export function isoDateValue(text: string, format: FormatSettings): Value {
  const parsed = isoSerial(text);
  if (!parsed) return text;
  return parsed.hasTime ? timestampValue(parsed.serial, format) : dateValue(parsed.serial, format);
}
