import type { LocaleInfo } from '@qlikit/qix';

/** NxLocaleInfo from the script's number-interpretation variables. */
export function localeInfo(variables: Readonly<Record<string, string>>): LocaleInfo {
  const list = (name: string, fallback: string) => (variables[name] ?? fallback).split(';');
  return {
    qDecimalSep: variables.DecimalSep ?? '.',
    qThousandSep: variables.ThousandSep ?? ',',
    qListSep: ',',
    qMoneyDecimalSep: variables.MoneyDecimalSep ?? '.',
    qMoneyThousandSep: variables.MoneyThousandSep ?? ',',
    qCurrentYear: new Date().getFullYear(),
    qMoneyFmt: variables.MoneyFormat ?? '$#,##0.00;-$#,##0.00',
    qTimeFmt: variables.TimeFormat ?? 'hh:mm:ss',
    qDateFmt: variables.DateFormat ?? 'YYYY-MM-DD',
    qTimestampFmt: variables.TimestampFormat ?? 'YYYY-MM-DD hh:mm:ss',
    qCalendarStrings: {
      qDayNames: list('DayNames', 'Mon;Tue;Wed;Thu;Fri;Sat;Sun'),
      qMonthNames: list('MonthNames', 'Jan;Feb;Mar;Apr;May;Jun;Jul;Aug;Sep;Oct;Nov;Dec'),
      qLongDayNames: list(
        'LongDayNames',
        'Monday;Tuesday;Wednesday;Thursday;Friday;Saturday;Sunday',
      ),
      qLongMonthNames: list(
        'LongMonthNames',
        'January;February;March;April;May;June;July;August;September;October;November;December',
      ),
    },
    qFirstWeekDay: Number(variables.FirstWeekDay ?? 0),
    qBrokenWeeks: variables.BrokenWeeks === '1',
    qReferenceDay: Number(variables.ReferenceDay ?? 0),
    qFirstMonthOfYear: Number(variables.FirstMonthOfYear ?? 1),
    qCollation: variables.CollationLocale ?? 'en-US',
    qNumericalAbbreviation:
      variables.NumericalAbbreviation ??
      '3:k;6:M;9:G;12:T;15:P;18:E;21:Z;24:Y;-3:m;-6:μ;-9:n;-12:p;-15:f;-18:a;-21:z;-24:y',
  };
}
