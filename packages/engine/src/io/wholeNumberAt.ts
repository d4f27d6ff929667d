/**
 * The number a cell spells as its canonical text (digits with an optional
 * minus, no leading zero, no "-0", up to 15 digits), which `textToValue`
 * reads as that plain number, and JSON.parse too; undefined for any other
 * cell. Every cell of an id column is new to it: read here, it is neither
 * decoded to a string nor matched against the number pattern (nor parsed).
 */
export function wholeNumberAt(buf: Uint8Array, start: number, end: number): number | undefined {
  const negative = buf[start] === 45;
  const first = negative ? start + 1 : start;
  const digits = end - first;
  if (digits < 1 || digits > 15) return undefined;
  // A leading zero is kept as a dual's text ("007"), and "-0" is a dual too.
  if (buf[first] === 48 && (digits > 1 || negative)) return undefined;
  let num = 0;
  for (let i = first; i < end; i++) {
    const digit = buf[i] - 48;
    if (digit < 0 || digit > 9) return undefined;
    num = num * 10 + digit;
  }
  return negative ? -num : num;
}
