import type { DateFormatToken } from './DateFormatToken.js';
import type { FormatSettings } from './FormatSettings.js';
import { DEFAULT_FORMAT_SETTINGS } from './FormatSettings.js';
import { partsFromSerial, type DateParts } from './dateSerial.js';
import { tokenizeDateFormat } from './tokenizeDateFormat.js';

/**
 * Writes a date serial with a Qlik date/time format (`YYYY-MM-DD`,
 * `DD/MM/YYYY hh:mm:ss`, `MMM`, `WWWW`, `h:mm TT`). Optional `[...]` parts
 * are left out, as Qlik displays them.
 */
export function formatDate(
  serial: number,
  format: string,
  settings: FormatSettings = DEFAULT_FORMAT_SETTINGS,
): string {
  if (!Number.isFinite(serial)) return '-';
  const tokens = tokenizeDateFormat(format);
  const parts = partsFromSerial(serial);
  const twelveHour = tokens.some((t) => t.type === 'field' && t.field === 'ampm');
  let out = '';
  for (const token of tokens) {
    if (token.optional) continue;
    out += token.type === 'literal' ? token.text : formatField(token, parts, twelveHour, settings);
  }
  return out;
}

function formatField(
  token: Extract<DateFormatToken, { type: 'field' }>,
  parts: DateParts,
  twelveHour: boolean,
  settings: FormatSettings,
): string {
  const w = token.width;
  switch (token.field) {
    case 'year':
      return w === 2 ? pad(parts.year % 100, 2) : String(parts.year);
    case 'month':
      if (w === 3) return settings.monthNames[parts.month - 1];
      if (w >= 4) return settings.longMonthNames[parts.month - 1];
      return pad(parts.month, w);
    case 'day':
      return pad(parts.day, Math.min(w, 2));
    case 'weekday':
      if (w === 3) return settings.dayNames[parts.isoWeekDay];
      if (w >= 4) return settings.longDayNames[parts.isoWeekDay];
      return String((parts.isoWeekDay - settings.firstWeekDay + 7) % 7);
    case 'hour': {
      const hour = twelveHour ? ((parts.hour + 11) % 12) + 1 : parts.hour;
      return pad(hour, w);
    }
    case 'minute':
      return pad(parts.minute, w);
    case 'second':
      return pad(parts.second, w);
    case 'fraction':
      return pad(parts.millisecond, 3).padEnd(w, '0').slice(0, w);
    case 'ampm':
      return parts.hour < 12 ? 'AM' : 'PM';
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
