import type { FormatSettings } from './FormatSettings.js';
import { DEFAULT_FORMAT_SETTINGS } from './FormatSettings.js';
import type { NumberSeparators } from './NumberSeparators.js';
import { formatDate } from './formatDate.js';
import { formatNumberPattern } from './formatNumberPattern.js';
import { isDateFormat } from './tokenizeDateFormat.js';

/**
 * Writes a number with any Qlik format string: date/time formats
 * (`YYYY-MM-DD`, `hh:mm`) are applied to it as a date serial, number formats
 * (`#,##0.00`, `0.0%`) as a number. Separators default to the settings'.
 */
export function formatNumber(
  num: number,
  format: string,
  settings: FormatSettings = DEFAULT_FORMAT_SETTINGS,
  separators: NumberSeparators = settings,
): string {
  return isDateFormat(format)
    ? formatDate(num, format, settings)
    : formatNumberPattern(num, format, separators);
}
