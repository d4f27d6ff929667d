/** The decimal and thousands separators a number format is read with. */
export interface NumberSeparators {
  readonly decimalSep: string;
  readonly thousandSep: string;
}
