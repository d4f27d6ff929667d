/** Qlik shows unformatted numbers with at most 14 significant digits. */
const SIGNIFICANT_DIGITS = 14;

/**
 * The text of a number that has no format: integers as they are, other
 * numbers rounded to 14 significant digits so that 0.1+0.2 reads '0.3'.
 */
export function numberToText(n: number, decimalSep = '.'): string {
  if (Number.isNaN(n)) return '-';
  if (n === Infinity) return '+INF';
  if (n === -Infinity) return '-INF';
  const text = finiteNumberText(n, String(n));
  return decimalSep === '.' ? text : text.replace('.', decimalSep);
}

/** `numberToText` of a finite number whose `String()` the caller has already (a cell writes both). */
export function finiteNumberText(n: number, shortest: string): string {
  return Number.isInteger(n) && Math.abs(n) < 1e15 ? shortest : roundedText(n, shortest);
}

// A number's shortest text of at most 14 significant digits is also its text rounded to 14
// digits; one of 15 characters or fewer has at most 14 (beside its '.' or 'e'), and
// skips the rounding, which costs several times more (charts write thousands of cells).
function roundedText(n: number, shortest: string): string {
  if (shortest.length <= SIGNIFICANT_DIGITS + 1) return shortest;
  return String(Number(n.toPrecision(SIGNIFICANT_DIGITS)));
}
