import { toNumber } from '../../value/toNumber.js';
import { Dual, type Value } from '../../value/Value.js';
import { fn, type FunctionTable } from '../FunctionSpec.js';

/** A color component clamped to 0–255; NaN when it is no number. */
function component(v: Value): number {
  const n = Math.trunc(toNumber(v));
  return Number.isNaN(n) ? NaN : Math.min(255, Math.max(0, n));
}

/** A color as Qlik hands it to charts: the text 'RGB(r,g,b)' with the ARGB integer as number. */
function color(alpha: number, r: number, g: number, b: number): Value {
  if ([alpha, r, g, b].some(Number.isNaN)) return null;
  const argb = alpha * 2 ** 24 + r * 65536 + g * 256 + b;
  const text = alpha === 255 ? `RGB(${r},${g},${b})` : `ARGB(${alpha},${r},${g},${b})`;
  return new Dual(text, argb);
}

/** RGB() and ARGB() color functions for chart color expressions. */
export const COLOR_FUNCTIONS: FunctionTable = {
  RGB: fn(3, 3, ([r, g, b]) => color(255, component(r), component(g), component(b))),
  ARGB: fn(4, 4, ([a, r, g, b]) => color(component(a), component(r), component(g), component(b))),
};
