/**
 * A field's own number format, as a source gave it (a QVD header's
 * NumberFormat): the members of QIX's FieldAttributes, so a chart reports it
 * as the dimension's `qNumFormat`.
 */
export interface FieldNumberFormat {
  /** `U` unknown, `A` text, `I` integer, `R` real, `F` fixed, `M` money, `D` date, `T` time, `TS` timestamp, `IV` interval. */
  readonly qType: 'U' | 'A' | 'I' | 'R' | 'F' | 'M' | 'D' | 'T' | 'TS' | 'IV';
  readonly qnDec: number;
  readonly qUseThou: number;
  readonly qFmt?: string;
  readonly qDec?: string;
  readonly qThou?: string;
}
