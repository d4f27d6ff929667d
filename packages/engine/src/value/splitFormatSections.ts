/** Splits a number format into its `positive;negative` sections. */
export function splitFormatSections(format: string): string[] {
  return format.split(';');
}
