const NUMERIC_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads a text as a plain number the way operators do (`'3' + 2` is 5),
 * ignoring surrounding spaces; NaN when the text is no number.
 */
export function textToNumber(text: string, decimalSep = '.'): number {
  let t = text.trim();
  if (t.length === 0) return NaN;
  if (decimalSep !== '.' && decimalSep !== '') {
    if (t.includes('.')) return NaN;
    t = t.replace(decimalSep, '.');
  }
  return NUMERIC_TEXT.test(t) ? Number(t) : NaN;
}
