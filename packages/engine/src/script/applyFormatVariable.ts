import type { FormatSettings } from '../value/FormatSettings.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Script variables that set number and date interpretation, and the setting each one fills. */
const TEXT_SETTINGS: Record<string, keyof FormatSettings> = {
  ThousandSep: 'thousandSep',
  DecimalSep: 'decimalSep',
  MoneyThousandSep: 'moneyThousandSep',
  MoneyDecimalSep: 'moneyDecimalSep',
  MoneyFormat: 'moneyFormat',
  TimeFormat: 'timeFormat',
  DateFormat: 'dateFormat',
  TimestampFormat: 'timestampFormat',
};
const LIST_SETTINGS: Record<string, keyof FormatSettings> = {
  MonthNames: 'monthNames',
  LongMonthNames: 'longMonthNames',
  DayNames: 'dayNames',
  LongDayNames: 'longDayNames',
};
const NUMBER_SETTINGS: Record<string, keyof FormatSettings> = {
  FirstWeekDay: 'firstWeekDay',
  ReferenceDay: 'referenceDay',
  FirstMonthOfYear: 'firstMonthOfYear',
};

/**
 * The format settings after `SET <name> = <text>`: a new object when the
 * variable is one of Qlik's interpretation variables, the same one otherwise.
 */
export function applyFormatVariable(
  format: FormatSettings,
  name: string,
  text: string,
): FormatSettings {
  const next: Mutable<FormatSettings> = { ...format };
  if (name in TEXT_SETTINGS) (next as Record<string, unknown>)[TEXT_SETTINGS[name]] = text;
  else if (name in LIST_SETTINGS)
    (next as Record<string, unknown>)[LIST_SETTINGS[name]] = text.split(';');
  else if (name in NUMBER_SETTINGS && Number.isFinite(Number(text)) && text.trim() !== '') {
    (next as Record<string, unknown>)[NUMBER_SETTINGS[name]] = Number(text);
  } else if (name === 'BrokenWeeks') next.brokenWeeks = text.trim() === '1' || text.trim() === '-1';
  else return format;
  return next;
}
