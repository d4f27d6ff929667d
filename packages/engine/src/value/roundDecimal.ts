/**
 * Rounds half away from zero to a number of decimals in decimal terms, so
 * that 1.005 rounds to 1.01 as it is written, not as the double holds it.
 */
export function roundDecimal(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(value)}e${decimals}`);
  if (!Number.isFinite(shifted)) return value;
  return sign * Number(`${Math.round(shifted)}e-${decimals}`);
}
