import { dayOf, serialFromDate } from '../../value/dateSerial.js';
import { formatDate } from '../../value/formatDate.js';
import type { FormatSettings } from '../../value/FormatSettings.js';
import { toDateSerial } from '../../value/toDateSerial.js';
import { toNumber } from '../../value/toNumber.js';
import { toText } from '../../value/toText.js';
import { Dual } from '../../value/Value.js';
import { fn, functionFamily } from '../FunctionSpec.js';
import { asDate } from './dateFunctions.js';

const MS_PER_DAY = 86_400_000;
const EPOCH_SERIAL = 25569;

function asTimestamp(serial: number, settings: FormatSettings): Dual {
  return new Dual(formatDate(serial, settings.timestampFormat, settings), serial);
}

/** A UTC offset written 'GMT+01:00', 'UTC-5' or '+02:00', in minutes. */
function fixedOffset(place: string): number | undefined {
  const m = /^(?:GMT|UTC)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(place.trim());
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  return /^(GMT|UTC)$/i.test(place.trim()) ? 0 : undefined;
}

let zoneNames: Map<string, string> | undefined;

/** The IANA time zone of a Qlik place name ('Paris', 'New York', 'Europe/Paris'). */
function zoneOf(place: string): string | undefined {
  if (!zoneNames) {
    zoneNames = new Map();
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      zoneNames.set(zone.toLowerCase(), zone);
      const city = zone
        .slice(zone.lastIndexOf('/') + 1)
        .replaceAll('_', ' ')
        .toLowerCase();
      if (!zoneNames.has(city)) zoneNames.set(city, zone);
    }
  }
  return zoneNames.get(place.trim().toLowerCase());
}

/** Minutes a time zone is ahead of UTC at an instant. */
function zoneOffset(zone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/** The zone's offset without daylight saving: the smaller of its January and July offsets. */
function standardOffset(zone: string, utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  return Math.min(zoneOffset(zone, Date.UTC(year, 0, 1)), zoneOffset(zone, Date.UTC(year, 6, 1)));
}

/** A UTC serial moved to a place's local time; NaN for an unknown place. */
function toLocal(utcSerial: number, place: string, ignoreDst: boolean): number {
  const fixed = fixedOffset(place);
  if (fixed !== undefined) return utcSerial + fixed / 1440;
  const zone = zoneOf(place);
  if (!zone) return NaN;
  const utcMs = (utcSerial - EPOCH_SERIAL) * MS_PER_DAY;
  const offset = ignoreDst ? standardOffset(zone, utcMs) : zoneOffset(zone, utcMs);
  return utcSerial + offset / 1440;
}

/** The engine's local time now, as a serial. */
export function localNow(): number {
  const now = new Date();
  return serialFromDate(now) - now.getTimezoneOffset() / 1440;
}

const systemZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Clock and time zone functions: Now, Today, UTC, GMT, LocalTime, ConvertToLocalTime, DaylightSaving, TimeZone. */
export const CLOCK_FUNCTIONS = functionFamily('DATE', {
  Now: fn(0, 1, (_args, ctx) => asTimestamp(localNow(), ctx.format), '[ timer_mode]'),
  Today: fn(0, 1, (_args, ctx) => asDate(dayOf(localNow()), ctx.format), '[timer_mode]'),
  GMT: fn(0, 0, (_args, ctx) => asTimestamp(serialFromDate(new Date()), ctx.format)),
  UTC: fn(0, 0, (_args, ctx) => asTimestamp(serialFromDate(new Date()), ctx.format)),
  LocalTime: fn(
    0,
    2,
    (args, ctx) => {
      if (args[0] === undefined || args[0] === null) return asTimestamp(localNow(), ctx.format);
      const local = toLocal(
        serialFromDate(new Date()),
        toText(args[0]),
        toNumber(args[1] ?? 0) !== 0,
      );
      return Number.isNaN(local) ? null : asTimestamp(local, ctx.format);
    },
    '[timezone [, ignoreDST ]]',
  ),
  ConvertToLocalTime: fn(
    1,
    3,
    (args, ctx) => {
      const utc = toDateSerial(args[0] ?? null, ctx.format);
      if (Number.isNaN(utc)) return null;
      const place = args[1] === undefined || args[1] === null ? systemZone() : toText(args[1]);
      const local = toLocal(utc, place, toNumber(args[2] ?? 0) !== 0);
      return Number.isNaN(local) ? null : asTimestamp(local, ctx.format);
    },
    'timestamp [, place [, ignore_dst=false]]',
  ),
  // The current daylight-saving adjustment of the engine's time zone, in days.
  DaylightSaving: fn(0, 0, () => {
    const zone = systemZone();
    const now = Date.now();
    return (zoneOffset(zone, now) - standardOffset(zone, now)) / 1440;
  }),
  TimeZone: fn(0, 0, () => systemZone()),
});
