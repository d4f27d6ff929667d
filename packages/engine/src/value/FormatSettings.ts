/**
 * The number and date interpretation variables of a Qlik app (`SET
 * ThousandSep=...;`, `SET DateFormat=...;` ...). A plain object: the script
 * interpreter builds a new one when a SET statement changes a variable.
 */
export interface FormatSettings {
  readonly thousandSep: string;
  readonly decimalSep: string;
  readonly moneyThousandSep: string;
  readonly moneyDecimalSep: string;
  readonly moneyFormat: string;
  readonly timeFormat: string;
  readonly dateFormat: string;
  readonly timestampFormat: string;
  /** Short month names, January first (`MMM`). */
  readonly monthNames: readonly string[];
  /** Long month names, January first (`MMMM`). */
  readonly longMonthNames: readonly string[];
  /** Short day names, Monday first (`WWW`). */
  readonly dayNames: readonly string[];
  /** Long day names, Monday first (`WWWW`). */
  readonly longDayNames: readonly string[];
  /** First day of the week: 0 Monday ... 6 Sunday. */
  readonly firstWeekDay: number;
  /** Whether weeks are broken at the year boundary. */
  readonly brokenWeeks: boolean;
  /** Minimum number of days of week 1 in January (0 means 4 when weeks are unbroken). */
  readonly referenceDay: number;
  /** First month of the fiscal year, 1–12. */
  readonly firstMonthOfYear: number;
}

/** Qlik's defaults when a script sets nothing: ISO dates, ',' thousands, '.' decimals. */
export const DEFAULT_FORMAT_SETTINGS: FormatSettings = Object.freeze({
  thousandSep: ',',
  decimalSep: '.',
  moneyThousandSep: ',',
  moneyDecimalSep: '.',
  moneyFormat: '$#,##0.00;-$#,##0.00',
  timeFormat: 'hh:mm:ss',
  dateFormat: 'YYYY-MM-DD',
  timestampFormat: 'YYYY-MM-DD hh:mm:ss[.fff]',
  monthNames: Object.freeze([
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ]),
  longMonthNames: Object.freeze([
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ]),
  dayNames: Object.freeze(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']),
  longDayNames: Object.freeze([
    'Monday',
    'Tuesday',
    'Wednesday',
    'Thursday',
    'Friday',
    'Saturday',
    'Sunday',
  ]),
  firstWeekDay: 0,
  brokenWeeks: false,
  referenceDay: 0,
  firstMonthOfYear: 1,
});
