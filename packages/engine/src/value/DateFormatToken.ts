/** A calendar or clock field of a date/time format. */
export type DateFieldKind =
  'year' | 'month' | 'day' | 'weekday' | 'hour' | 'minute' | 'second' | 'fraction' | 'ampm';

/** One piece of a tokenized date/time format: a field with its letter count, or literal text. */
export type DateFormatToken =
  | {
      readonly type: 'field';
      readonly field: DateFieldKind;
      readonly width: number;
      readonly optional: boolean;
    }
  | { readonly type: 'literal'; readonly text: string; readonly optional: boolean };
