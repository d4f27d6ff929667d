/**
 * Rounds half away from zero to a number of decimals in decimal terms, so
 * that 1.005 rounds to 1.01 as it is written, not as the double holds it
 * (1.00499999...). Nudging by one unit in the last place absorbs that
 * representation error without string conversions, which per-row
 * formatting cannot afford.
 */
export function roundDecimal(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  const factor = 10 ** decimals;
  const nudged = abs * (1 + 2 * Number.EPSILON);
  const rounded = Math.floor(nudged * factor + 0.5) / factor;
  return value < 0 ? -rounded : rounded;
}
